import { Component } from 'react'
import Taro from '@tarojs/taro'
import { View, Button } from '@tarojs/components'

export default class Pricing extends Component {
  componentDidMount() {
    const { platform } = Taro.getSystemInfoSync()
    if (platform === 'ios') return
    const { order, auth } = Taro.getCurrentInstance().router?.params || {}
    Taro.requestOrder({
      data: order,
      byteAuthorization: auth,
      success: ({ orderId }) => Taro.getOrderPayment({ orderId }),
    })
  }

  render() {
    return (
      <View className='pricing'>
        <View>专业版会员 订阅后解锁全部深度分析</View>
        <Button openType='im' data-im-id='tsla_digest'>联系客服</Button>
      </View>
    )
  }
}
