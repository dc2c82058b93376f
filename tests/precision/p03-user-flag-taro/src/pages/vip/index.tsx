import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'

export default function Vip() {
  const [agree, setAgree] = useState(false)
  const buyVip = () => {
    if (!agree) {
      Taro.showToast({ title: '请先勾选同意协议' })
      return
    }
    Taro.pay({ orderInfo: {}, service: 5 })
  }
  return (
    <View>
      <View className='buy-btn' onClick={buyVip}>立即购买,无限换装</View>
      <View onClick={() => setAgree(!agree)}>开通即代表接受《会员服务协议》</View>
    </View>
  )
}
