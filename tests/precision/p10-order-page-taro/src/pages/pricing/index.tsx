import Taro from '@tarojs/taro'
import { View, Button } from '@tarojs/components'
import { payOrder } from '../../services/pay'

const isIOS = Taro.getSystemInfoSync().platform === 'ios'

export default function Pricing() {
  return (
    <View className='pricing'>
      <View>专业版会员 订阅后解锁全部深度分析</View>
      {isIOS ? <View>iOS 暂不支持订阅</View> : <Button onClick={() => payOrder('new')}>立即订阅</Button>}
    </View>
  )
}
