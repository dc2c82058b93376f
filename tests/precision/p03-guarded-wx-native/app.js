var platform = null
'undefined' != typeof tt && (platform = 'tt')
'undefined' != typeof wx && (platform = 'wx')

App({
  platform,
  onLaunch() {
    if ('undefined' != typeof wx) {
      wx.getUpdateManager().onUpdateReady(() => wx.getUpdateManager().applyUpdate())
    }
  },
})
