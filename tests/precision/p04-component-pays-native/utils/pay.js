function formatPrice(cents) {
  return (cents / 100).toFixed(2)
}

function buyCourse(id) {
  tt.request({
    url: 'https://edu.example.cn/api/course/order',
    data: { id },
    success: (res) => {
      tt.requestOrder({
        data: res.data.data,
        byteAuthorization: res.data.byteAuthorization,
        success: ({ orderId }) => tt.getOrderPayment({ orderId }),
      })
    },
  })
}

module.exports = { formatPrice, buyCourse }
