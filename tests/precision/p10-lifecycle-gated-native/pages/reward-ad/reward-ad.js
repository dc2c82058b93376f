Page({
  data: { orderNo: '', imId: 'xiaoce_fun' },
  watch() {
    const ad = tt.createRewardedVideoAd({ adUnitId: 'ad_reward_vip' })
    ad.show()
  },
  onIm() {},
  onImError() {},
})
