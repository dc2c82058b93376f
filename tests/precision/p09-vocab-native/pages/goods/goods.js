Page({
  kefu() {
    tt.openCustomerServiceChat({
      extInfo: { url: 'https://work.weixin.qq.com/kfid/kfc0123456789' },
      corpId: 'ww0123456789abcdef',
    })
  },
})
