import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { LoginResponse, StreamTicketResponse, UserResponse } from '@luoshi/contracts';
import {
  Authenticated,
  type AuthenticatedRequest,
  actorOf,
  type AuthUser,
  CurrentUser,
  Public,
} from '@luoshi/server/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthService } from './auth.service';
import { LoginDto, RefreshDto } from './identity.dto';
import { toUserResponse, UserEntity } from './user.entity';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  login(@Body() dto: LoginDto, @Req() request: AuthenticatedRequest): Promise<LoginResponse> {
    return this.auth.login(dto.username, dto.password, actorOf(request), request.headers['user-agent'] ?? null);
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  refresh(@Body() dto: RefreshDto): Promise<LoginResponse> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  @ApiBearerAuth()
  async logout(@Req() request: AuthenticatedRequest, @CurrentUser() user: AuthUser): Promise<void> {
    await this.auth.logout({ ...actorOf(request), user });
  }

  /** A single-use ticket for GET /api/notifications/stream?ticket=… (valid 30 s). */
  @Post('stream-ticket')
  @HttpCode(200)
  @Authenticated()
  @ApiBearerAuth()
  streamTicket(@CurrentUser() user: AuthUser): Promise<StreamTicketResponse> {
    return this.auth.issueStreamTicket(user);
  }

  @Get('me')
  @Authenticated()
  @ApiBearerAuth()
  async me(@CurrentUser() user: AuthUser): Promise<UserResponse> {
    const entity = await this.dataSource
      .getRepository(UserEntity)
      .findOneOrFail({ where: { id: user.id }, relations: { department: true } });
    return toUserResponse(entity);
  }
}
