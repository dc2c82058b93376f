App({
  globalData: { isIOS: false },
  onLaunch() {
    this.globalData.isIOS = tt.getSystemInfoSync().platform === 'ios'
  },
})
