Page({ data: { id: 'c1' } })
