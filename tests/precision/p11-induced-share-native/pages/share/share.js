Page({
  data: { cover: '', openid: '' },
  onShareAppMessage() {
    return {
      title: '西安美食推荐',
      path: '/pages/index/index?fromopenid=' + this.data.openid,
    }
  },
})
