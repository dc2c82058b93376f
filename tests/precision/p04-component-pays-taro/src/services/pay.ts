import Taro from '@tarojs/taro'

export function formatPrice(cents: number) {
  return (cents / 100).toFixed(2)
}

export function buyCourse(id: string) {
  Taro.request({
    url: 'https://edu.example.cn/api/course/order',
    data: { id },
    success: (res) => {
      Taro.requestOrder({
        data: res.data.data,
        byteAuthorization: res.data.byteAuthorization,
        success: ({ orderId }) => Taro.getOrderPayment({ orderId }),
      })
    },
  })
}
