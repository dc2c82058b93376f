import Taro from '@tarojs/taro'

export function createOrder(sku: string) {
  Taro.request({
    url: 'https://api.example.cn/edu/order',
    method: 'POST',
    data: { sku },
    success: (res) => {
      Taro.requestOrder({
        data: res.data.data,
        byteAuthorization: res.data.byteAuthorization,
        success: ({ orderId }) => Taro.getOrderPayment({ orderId }),
      })
    },
  })
}
