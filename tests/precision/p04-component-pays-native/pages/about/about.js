const { formatPrice } = require('../../utils/pay')

Page({
  data: { price: formatPrice(19900) },
})
