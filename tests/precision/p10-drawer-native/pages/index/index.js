Page({
  data: { imId: 'novel_cs' },
  onImError() {},
})
