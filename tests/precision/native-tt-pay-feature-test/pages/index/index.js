Page({
  pay() {
    // Older clients still have the offline cashier: test for it before calling it.
    if (typeof tt.pay === 'function') {
      tt.pay({ orderInfo: this.data.order, service: 5 })
    }
  },
})
