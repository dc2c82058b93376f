const CORE_DIR = './core/'

App({
  core: require(CORE_DIR + 'core.js'),
  api: require(CORE_DIR + 'api.js'),
  globalData: { userInfo: null },
  onLaunch() {
    this.core.getSystemInfo({
      success: (res) => {
        this.globalData.system = res
      },
    })
  },
})
