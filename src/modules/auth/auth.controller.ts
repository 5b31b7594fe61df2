import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';
import { CurrentActor, RequestId } from '../../common/auth/actor.decorator';
import type { Actor } from '../../common/auth/auth-user';
import { Public } from '../../common/auth/public.decorator';
import { AnyRole } from '../../common/auth/roles.decorator';
import type { User } from '../users/user.entity';
import { LoginDto, LogoutDto, MeDto, RefreshDto, TokenPairDto } from './auth.dto';
import { AuthService } from './auth.service';
import { LocalAuthGuard } from './local-auth.guard';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(ThrottlerGuard, LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: TokenPairDto })
  login(@Req() request: Request & { user: User }): Promise<TokenPairDto> {
    return this.auth.issueTokens(request.user);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOkResponse({ type: TokenPairDto })
  refresh(@Body() body: RefreshDto, @RequestId() requestId: string): Promise<TokenPairDto> {
    return this.auth.refresh(body.refreshToken, requestId);
  }

  @Post('logout')
  @AnyRole()
  @HttpCode(204)
  @ApiBearerAuth()
  async logout(@Body() body: LogoutDto, @CurrentActor() actor: Actor): Promise<void> {
    await this.auth.logout(actor, body.refreshToken);
  }

  @Get('me')
  @AnyRole()
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeDto })
  me(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.auth.me(actor);
  }
}
