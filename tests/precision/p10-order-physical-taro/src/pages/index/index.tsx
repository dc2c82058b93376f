import { View } from '@tarojs/components'

export default function Index() {
  return <View className='title'>景区门票 酒店预订</View>
}
