import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Button } from '@tarojs/components'
import { AtFloatLayout } from 'taro-ui'
import { createOrder } from '../../services/pay'

export default function Vip() {
  const [showPay, setShowPay] = useState(false)
  const [showRecharge, setShowRecharge] = useState(false)
  const isIOS = Taro.getSystemInfoSync().platform === 'ios'
  return (
    <View className='vip'>
      <View className='title'>开通会员 畅读全部章节</View>
      {!isIOS && <Button onClick={() => setShowPay(true)}>立即开通</Button>}
      <Button onClick={() => setShowRecharge(true)}>充值金币</Button>
      {showPay && (
        <View className='drawer'>
          <Button onClick={() => createOrder('vip_month')}>确认支付</Button>
        </View>
      )}
      <AtFloatLayout isOpened={showRecharge} title='充值 100 金币'>
        <Button onClick={() => createOrder('coin_100')}>确认支付</Button>
      </AtFloatLayout>
    </View>
  )
}
