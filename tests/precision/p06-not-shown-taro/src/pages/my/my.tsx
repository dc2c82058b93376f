import { View } from '@tarojs/components'
import { useState } from 'react'
import SocialModal from '../../components/SocialModal'

export default function My() {
  const [open, setOpen] = useState(false)
  return (
    <View className='my'>
      <View className='action-btn' onClick={() => setOpen(true)}>联系我们</View>
      <SocialModal visible={open} />
    </View>
  )
}
