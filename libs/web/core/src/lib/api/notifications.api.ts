import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import {
  ApiPaths,
  type NotificationDeliveryResponse,
  type NotificationPageResponse,
  type NotificationPreferenceRequest,
  type NotificationPreferenceResponse,
  type StreamTicketResponse,
  type WebhookEndpointResponse,
} from '@luoshi/contracts';
import { queryParams } from './query-params';

export const NotificationApiPaths = {
  list: '/api/notifications',
  unreadCount: '/api/notifications/unread-count',
  read: '/api/notifications/read',
  stream: '/api/notifications/stream',
  preferences: '/api/notifications/preferences',
  webhooks: '/api/notifications/webhooks',
  deliveries: '/api/notifications/deliveries',
} as const;

export type DeliveryStatus = NotificationDeliveryResponse['status'];

/** Body of POST /api/notifications/webhooks (a group robot; department optional). */
export interface CreateWebhookRequest {
  departmentCode?: string;
  name: string;
  url: string;
  secret: string;
}

/** My notifications and channel preferences; the office's webhooks and deliveries. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  list(query: { unread?: boolean; page: number; pageSize: number }): Observable<NotificationPageResponse> {
    return this.http.get<NotificationPageResponse>(NotificationApiPaths.list, { params: queryParams(query) });
  }

  unreadCount(): Observable<{ unread: number }> {
    return this.http.get<{ unread: number }>(NotificationApiPaths.unreadCount);
  }

  markRead(ids: string[]): Observable<{ unread: number }> {
    return this.http.post<{ unread: number }>(NotificationApiPaths.read, { ids });
  }

  markAllRead(): Observable<{ unread: number }> {
    return this.http.post<{ unread: number }>(NotificationApiPaths.read, { all: true });
  }

  /** A single-use ticket for the live stream: EventSource cannot send headers, and tokens never go in URLs. */
  streamTicket(): Observable<StreamTicketResponse> {
    return this.http.post<StreamTicketResponse>(ApiPaths.streamTicket, {});
  }

  /** URL of the live stream (server-sent events), opened with a ticket from streamTicket(). */
  streamUrl(ticket: string): string {
    return `${NotificationApiPaths.stream}?ticket=${encodeURIComponent(ticket)}`;
  }

  preferences(): Observable<NotificationPreferenceResponse> {
    return this.http.get<NotificationPreferenceResponse>(NotificationApiPaths.preferences);
  }

  updatePreferences(body: NotificationPreferenceRequest): Observable<NotificationPreferenceResponse> {
    return this.http.put<NotificationPreferenceResponse>(NotificationApiPaths.preferences, body);
  }

  webhooks(): Observable<WebhookEndpointResponse[]> {
    return this.http.get<WebhookEndpointResponse[]>(NotificationApiPaths.webhooks);
  }

  addWebhook(body: CreateWebhookRequest): Observable<WebhookEndpointResponse> {
    return this.http.post<WebhookEndpointResponse>(NotificationApiPaths.webhooks, body);
  }

  /** Disables the endpoint (it stays listed, marked disabled). */
  disableWebhook(id: string): Observable<void> {
    return this.http.delete<void>(`${NotificationApiPaths.webhooks}/${encodeURIComponent(id)}`);
  }

  deliveries(status: DeliveryStatus): Observable<NotificationDeliveryResponse[]> {
    return this.http.get<NotificationDeliveryResponse[]>(NotificationApiPaths.deliveries, { params: { status } });
  }

  retryDelivery(id: string): Observable<void> {
    return this.http.post<void>(`${NotificationApiPaths.deliveries}/${encodeURIComponent(id)}/retry`, null);
  }
}
