const { payOrder } = require('../../utils/pay')

Page({
  data: { orders: [], imId: 'ectrip_cs' },
  toReserve(e) {
    payOrder(e.currentTarget.dataset.ordercode)
  },
  onImError() {},
})
