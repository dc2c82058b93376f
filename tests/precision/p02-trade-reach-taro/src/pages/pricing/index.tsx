import { View, Button } from '@tarojs/components'
import { subscribe } from '../../services/payment'

export default function Pricing() {
  const onSubscribe = (plan: string) => {
    subscribe(plan)
  }
  return (
    <View className='pricing'>
      <View>专业版 每月更新</View>
      <Button onClick={() => onSubscribe('pro')}>立即订阅</Button>
      <Button openType='im' data-im-id='tsla_digest'>联系客服</Button>
    </View>
  )
}
