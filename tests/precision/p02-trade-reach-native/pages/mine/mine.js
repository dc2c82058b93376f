Page({
  data: { imId: 'shop_service' },
  onIm() {},
  onImError() {},
})
