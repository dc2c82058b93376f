import { View, Button, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { login } from '../../services/auth'

export default function Login() {
  const onLogin = async () => {
    try {
      await login()
      Taro.switchTab({ url: '/pages/my/my' })
    } catch (e) {
      Taro.showToast({ title: '登录失败，请重试', icon: 'none' })
    }
  }
  return (
    <View className='login wechat-login-page'>
      <Text className='title'>欢迎使用好健友</Text>
      <Button className='btn-wechat wx-primary' onClick={onLogin}>一键登录</Button>
    </View>
  )
}
