Page({
  data: { spots: [], imId: 'ectrip_cs' },
  onImError() {},
})
