import { Injectable, UnauthorizedException } from '@nestjs/common'

@Injectable()
export class AuthService {
  async login(code: string) {
    if (!code) {
      throw new UnauthorizedException('微信登录失败：缺少 code')
    }
    return { token: code, notice: '关注公众号「德恒律师」获取案件进度' }
  }
}
