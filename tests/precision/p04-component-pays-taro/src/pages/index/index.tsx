import { View } from '@tarojs/components'

export default function Index() {
  return <View>热门课程</View>
}
