Page({
  data: { order: {} },
  callRider(e) {
    tt.makePhoneCall({ phoneNumber: e.currentTarget.dataset.phone })
  },
  callShop() {
    tt.makePhoneCall({ phoneNumber: this.data.order.shop_phone })
  },
})
