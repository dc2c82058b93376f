// 旧版支付页的备份，已不在 app.json 里
Page({
  pay() {
    tt.pay({ orderInfo: this.data.order, service: 5 }
  },
})
