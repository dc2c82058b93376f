import { View, Text } from '@tarojs/components'

export default function ServiceTip() {
  return (
    <View className='mt-6'>
      <Text className='block text-xs text-gray-400'>
        温馨提示：咨询提交后，律师会在24小时内回复。如有紧急问题，请直接拨打律所电话 400-800-8888
      </Text>
    </View>
  )
}
