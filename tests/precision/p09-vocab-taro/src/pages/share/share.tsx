import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'

const channels = ['抖音好友', '新浪微博', 'QQ空间']

export default function Share() {
  const open = () => {
    Taro.showActionSheet({ itemList: channels })
  }
  return (
    <View className='share'>
      <Text>分享你的打卡成果</Text>
      <Button openType='share'>分享给抖音好友</Button>
      <Button onClick={open}>更多分享方式</Button>
      <Text className='hint'>打开抖音App，搜索“好健友”即可回到这里</Text>
    </View>
  )
}
