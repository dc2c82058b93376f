import { View } from '@tarojs/components'
import BuyBar from '../../components/BuyBar'

export default function Course() {
  return (
    <View>
      <View className='title'>零基础学剪辑 24 节课程</View>
      <BuyBar courseId='c1' />
    </View>
  )
}
