import Taro from '@tarojs/taro'
import { View, Button } from '@tarojs/components'

function remind() {
  if (process.env.TARO_ENV === 'weapp') {
    wx.requestSubscribeMessage({ tmplIds: ['TPL_WEIGHT'] })
  }
  if (Taro.getEnv() === Taro.ENV_TYPE.WEAPP) {
    wx.setBackgroundFetchToken({ token: 'weight' })
  }
}

export default function Index() {
  return (
    <View className='index'>
      <View>今日体重</View>
      <Button onClick={remind}>提醒我称重</Button>
    </View>
  )
}
