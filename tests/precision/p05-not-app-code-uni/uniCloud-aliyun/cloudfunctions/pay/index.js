'use strict'
const db = uniCloud.database()

exports.main = async (event) => {
  const order = await db.collection('orders').doc(event.orderId).get()
  if (!order.data.length) {
    return { code: 404, message: '订单不存在，请联系客服微信 haowu01' }
  }
  return { code: 0, data: order.data[0] }
}
