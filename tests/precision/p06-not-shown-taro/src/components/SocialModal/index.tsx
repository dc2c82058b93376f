import { View, Text, Input } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'

const weChatId = 'goodhealth_official'

export default function SocialModal({ visible }: { visible: boolean }) {
  const [contact, setContact] = useState('')
  if (!visible) return null
  const copy = () => {
    Taro.setClipboardData({ data: weChatId })
  }
  return (
    <View className='social-modal'>
      <View className='wechat-id-section' onClick={copy}>
        <Text className='wechat-id-label'>点击复制官方微信号</Text>
      </View>
      <View className='feedback-field'>
        <Text className='field-label'>微信号：</Text>
        <Input className='field-input' value={contact} onInput={(e) => setContact(e.detail.value)} />
      </View>
    </View>
  )
}
