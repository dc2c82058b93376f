import Taro from '@tarojs/taro'

export function payOrder(orderNo: string) {
  Taro.request({
    url: 'https://api.example.cn/pay/payload',
    data: { orderNo },
    success: (res) => {
      Taro.requestOrder({
        data: res.data.data,
        byteAuthorization: res.data.byteAuthorization,
        success: ({ orderId }) => Taro.getOrderPayment({ orderId }),
      })
    },
  })
}
