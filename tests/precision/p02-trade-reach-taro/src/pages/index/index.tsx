import { View, Navigator } from '@tarojs/components'

export default function Index() {
  return (
    <View className='home'>
      <View>今日要闻</View>
      <Navigator url='/pages/pricing/index'>订阅</Navigator>
    </View>
  )
}
