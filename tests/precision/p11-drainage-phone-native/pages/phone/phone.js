Page({
  data: { phone: '' },
  onLoad(options) {
    this.setData({ phone: options.phone })
  },
  phoneOperator() {
    tt.makePhoneCall({ phoneNumber: this.data.phone })
  },
})
