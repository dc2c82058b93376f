Page({
  data: { shops: [] },
  callService() {
    tt.makePhoneCall({ phoneNumber: '4008208820' })
  },
})
