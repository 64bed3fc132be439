import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { LoginResponse, StreamTicketResponse, UserResponse } from '@luoshi/contracts';
import type { Response } from 'express';
import {
  APP_CONFIG,
  type AppConfig,
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
import { IdentityException } from './identity.exception';
import { LoginDto, RefreshDto } from './identity.dto';
import { toUserResponse, UserEntity } from './user.entity';

const REFRESH_COOKIE = 'luoshi_refresh';
const REFRESH_COOKIE_PATH = '/api/auth';

function readCookie(request: AuthenticatedRequest, name: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(value.join('='));
      } catch {
        return null;
      }
    }
  }
  return null;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Besides the body (for API clients), the refresh token goes into an HttpOnly cookie scoped to
   * /api/auth: the web app keeps its access token in memory only and refreshes with the cookie, so
   * no token sits in localStorage where a script could read it.
   */
  @Post('login')
  @HttpCode(200)
  @Public()
  async login(@Body() dto: LoginDto, @Req() request: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): Promise<LoginResponse> {
    const response = await this.auth.login(dto.username, dto.password, actorOf(request), request.headers['user-agent'] ?? null);
    this.setRefreshCookie(request, res, response.refreshToken);
    return response;
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  async refresh(@Body() dto: RefreshDto, @Req() request: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): Promise<LoginResponse> {
    const token = dto.refreshToken ?? readCookie(request, REFRESH_COOKIE);
    if (!token) throw IdentityException.badRefreshToken();
    const response = await this.auth.refresh(token);
    this.setRefreshCookie(request, res, response.refreshToken);
    return response;
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  @ApiBearerAuth()
  async logout(@Req() request: AuthenticatedRequest, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout({ ...actorOf(request), user });
    res.clearCookie(REFRESH_COOKIE, { path: REFRESH_COOKIE_PATH, httpOnly: true, sameSite: 'strict', secure: request.secure });
  }

  private setRefreshCookie(request: AuthenticatedRequest, res: Response, token: string): void {
    res.cookie(REFRESH_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: request.secure,
      path: REFRESH_COOKIE_PATH,
      maxAge: this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000,
    });
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
