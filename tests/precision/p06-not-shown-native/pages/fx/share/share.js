Page({
  data: { canvasHeight: 480 },
  onReady() {
    const ctx = tt.createCanvasContext('firstCanvas')
    ctx.fillText('长按识别二维码，进入小程序查看详情', 20, 440)
    ctx.draw()
  },
  saveToMobile() {
    tt.canvasToTempFilePath({
      canvasId: 'firstCanvas',
      success: (res) => tt.saveImageToPhotosAlbum({ filePath: res.tempFilePath }),
    })
  },
  onShareAppMessage() {
    return { title: '星光商城', path: '/pages/index/index?referrer=' + this.data.uid }
  },
})
