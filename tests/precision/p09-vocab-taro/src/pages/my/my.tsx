import { Component } from 'react'
import { View, Button, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'

export default class My extends Component {
  handleXiaohongshuClick = () => {
    Taro.setClipboardData({ data: '好健友' })
  }

  handleGroupClick = () => {
    Taro.previewImage({ urls: ['https://cdn.goodhealth.cn/group-qr.png'] })
  }

  render() {
    return (
      <View className='my'>
        <Text className='slogan'>一起健康打卡</Text>
        <View className='action-buttons'>
          <Button className='action-btn primary' onClick={this.handleXiaohongshuClick}>
            关注小红书
          </Button>
          <Button className='action-btn primary' onClick={this.handleGroupClick}>
            加群交流
          </Button>
        </View>
      </View>
    )
  }
}
