import { View, Button } from '@tarojs/components'
import api from '../../utils/platform'

export default function Index() {
  const refresh = () => api.showLoading({ title: '加载中' })
  return (
    <View>
      <View>今日体重</View>
      <Button onClick={refresh}>刷新</Button>
    </View>
  )
}
