// Every string the UI shows comes from here, so a host app can translate or reword any of them.

export interface Messages {
  inboxTitle: string;
  /** Accessible name of the bell; {count} is the number shown on the badge. */
  bellLabel: string;
  bellLabelUnread: string;
  bellLabelUnseen: string;
  markAllRead: string;
  preferences: string;
  back: string;
  close: string;
  tabAll: string;
  tabUnread: string;
  tabArchived: string;
  tabsLabel: string;
  feedLabel: string;
  empty: string;
  emptyUnread: string;
  emptyArchived: string;
  loading: string;
  loadingMore: string;
  error: string;
  retry: string;
  offline: string;
  newItems: string;
  /** Live-region text for a notification that arrived; {title} is its title. */
  announceNew: string;
  unread: string;
  itemMenu: string;
  markRead: string;
  markUnread: string;
  archive: string;
  unarchive: string;
  snooze: string;
  snoozeHour: string;
  snoozeTomorrow: string;
  snoozeNextWeek: string;
  actionFailed: string;
  preferencesTitle: string;
  preferencesLocked: string;
  preferencesSaveFailed: string;
  category: string;
  channel_in_app: string;
  channel_email: string;
  channel_push: string;
  channel_sms: string;
}

export type Locale = 'en' | 'de' | 'fr' | 'es' | 'ja' | 'ar';

const en: Messages = {
  inboxTitle: 'Notifications',
  bellLabel: 'Notifications',
  bellLabelUnread: 'Notifications, {count} unread',
  bellLabelUnseen: 'Notifications, {count} new',
  markAllRead: 'Mark all as read',
  preferences: 'Notification preferences',
  back: 'Back to notifications',
  close: 'Close',
  tabAll: 'All',
  tabUnread: 'Unread',
  tabArchived: 'Archived',
  tabsLabel: 'Notification filters',
  feedLabel: 'Notifications',
  empty: 'You have no notifications',
  emptyUnread: 'You are all caught up',
  emptyArchived: 'No archived notifications',
  loading: 'Loading notifications',
  loadingMore: 'Loading more',
  error: 'Notifications could not be loaded',
  retry: 'Try again',
  offline: 'You are offline. Showing saved notifications.',
  newItems: '{count} new',
  announceNew: 'New notification: {title}',
  unread: 'Unread',
  itemMenu: 'More actions',
  markRead: 'Mark as read',
  markUnread: 'Mark as unread',
  archive: 'Archive',
  unarchive: 'Move to inbox',
  snooze: 'Snooze',
  snoozeHour: 'Snooze for 1 hour',
  snoozeTomorrow: 'Snooze until tomorrow',
  snoozeNextWeek: 'Snooze until next week',
  actionFailed: 'That did not work. Your change was undone.',
  preferencesTitle: 'Notification preferences',
  preferencesLocked: 'Required',
  preferencesSaveFailed: 'Your preference could not be saved and was restored.',
  category: 'Category',
  channel_in_app: 'In-app',
  channel_email: 'Email',
  channel_push: 'Push',
  channel_sms: 'SMS',
};

const de: Messages = {
  inboxTitle: 'Benachrichtigungen',
  bellLabel: 'Benachrichtigungen',
  bellLabelUnread: 'Benachrichtigungen, {count} ungelesen',
  bellLabelUnseen: 'Benachrichtigungen, {count} neu',
  markAllRead: 'Alle als gelesen markieren',
  preferences: 'Benachrichtigungseinstellungen',
  back: 'Zurück zu den Benachrichtigungen',
  close: 'Schließen',
  tabAll: 'Alle',
  tabUnread: 'Ungelesen',
  tabArchived: 'Archiviert',
  tabsLabel: 'Benachrichtigungsfilter',
  feedLabel: 'Benachrichtigungen',
  empty: 'Keine Benachrichtigungen',
  emptyUnread: 'Alles gelesen',
  emptyArchived: 'Keine archivierten Benachrichtigungen',
  loading: 'Benachrichtigungen werden geladen',
  loadingMore: 'Weitere werden geladen',
  error: 'Benachrichtigungen konnten nicht geladen werden',
  retry: 'Erneut versuchen',
  offline: 'Sie sind offline. Gespeicherte Benachrichtigungen werden angezeigt.',
  newItems: '{count} neu',
  announceNew: 'Neue Benachrichtigung: {title}',
  unread: 'Ungelesen',
  itemMenu: 'Weitere Aktionen',
  markRead: 'Als gelesen markieren',
  markUnread: 'Als ungelesen markieren',
  archive: 'Archivieren',
  unarchive: 'In den Posteingang verschieben',
  snooze: 'Zurückstellen',
  snoozeHour: 'Für 1 Stunde zurückstellen',
  snoozeTomorrow: 'Bis morgen zurückstellen',
  snoozeNextWeek: 'Bis nächste Woche zurückstellen',
  actionFailed: 'Das hat nicht geklappt. Ihre Änderung wurde zurückgenommen.',
  preferencesTitle: 'Benachrichtigungseinstellungen',
  preferencesLocked: 'Erforderlich',
  preferencesSaveFailed: 'Ihre Einstellung konnte nicht gespeichert werden und wurde zurückgesetzt.',
  category: 'Kategorie',
  channel_in_app: 'In der App',
  channel_email: 'E-Mail',
  channel_push: 'Push',
  channel_sms: 'SMS',
};

const fr: Messages = {
  inboxTitle: 'Notifications',
  bellLabel: 'Notifications',
  bellLabelUnread: 'Notifications, {count} non lues',
  bellLabelUnseen: 'Notifications, {count} nouvelles',
  markAllRead: 'Tout marquer comme lu',
  preferences: 'Préférences de notification',
  back: 'Retour aux notifications',
  close: 'Fermer',
  tabAll: 'Toutes',
  tabUnread: 'Non lues',
  tabArchived: 'Archivées',
  tabsLabel: 'Filtres des notifications',
  feedLabel: 'Notifications',
  empty: 'Aucune notification',
  emptyUnread: 'Vous êtes à jour',
  emptyArchived: 'Aucune notification archivée',
  loading: 'Chargement des notifications',
  loadingMore: 'Chargement',
  error: 'Impossible de charger les notifications',
  retry: 'Réessayer',
  offline: 'Vous êtes hors ligne. Notifications enregistrées affichées.',
  newItems: '{count} nouvelles',
  announceNew: 'Nouvelle notification : {title}',
  unread: 'Non lue',
  itemMenu: 'Plus d’actions',
  markRead: 'Marquer comme lue',
  markUnread: 'Marquer comme non lue',
  archive: 'Archiver',
  unarchive: 'Remettre dans la boîte',
  snooze: 'Reporter',
  snoozeHour: 'Reporter d’une heure',
  snoozeTomorrow: 'Reporter à demain',
  snoozeNextWeek: 'Reporter à la semaine prochaine',
  actionFailed: 'Cela n’a pas fonctionné. Votre modification a été annulée.',
  preferencesTitle: 'Préférences de notification',
  preferencesLocked: 'Obligatoire',
  preferencesSaveFailed: 'Votre préférence n’a pas pu être enregistrée et a été rétablie.',
  category: 'Catégorie',
  channel_in_app: 'Dans l’app',
  channel_email: 'E-mail',
  channel_push: 'Push',
  channel_sms: 'SMS',
};

const es: Messages = {
  inboxTitle: 'Notificaciones',
  bellLabel: 'Notificaciones',
  bellLabelUnread: 'Notificaciones, {count} sin leer',
  bellLabelUnseen: 'Notificaciones, {count} nuevas',
  markAllRead: 'Marcar todo como leído',
  preferences: 'Preferencias de notificaciones',
  back: 'Volver a las notificaciones',
  close: 'Cerrar',
  tabAll: 'Todas',
  tabUnread: 'Sin leer',
  tabArchived: 'Archivadas',
  tabsLabel: 'Filtros de notificaciones',
  feedLabel: 'Notificaciones',
  empty: 'No tienes notificaciones',
  emptyUnread: 'Estás al día',
  emptyArchived: 'No hay notificaciones archivadas',
  loading: 'Cargando notificaciones',
  loadingMore: 'Cargando más',
  error: 'No se pudieron cargar las notificaciones',
  retry: 'Reintentar',
  offline: 'Sin conexión. Se muestran las notificaciones guardadas.',
  newItems: '{count} nuevas',
  announceNew: 'Nueva notificación: {title}',
  unread: 'Sin leer',
  itemMenu: 'Más acciones',
  markRead: 'Marcar como leída',
  markUnread: 'Marcar como no leída',
  archive: 'Archivar',
  unarchive: 'Mover a la bandeja',
  snooze: 'Posponer',
  snoozeHour: 'Posponer 1 hora',
  snoozeTomorrow: 'Posponer hasta mañana',
  snoozeNextWeek: 'Posponer hasta la próxima semana',
  actionFailed: 'No funcionó. Se deshizo tu cambio.',
  preferencesTitle: 'Preferencias de notificaciones',
  preferencesLocked: 'Obligatoria',
  preferencesSaveFailed: 'No se pudo guardar tu preferencia y se restauró.',
  category: 'Categoría',
  channel_in_app: 'En la app',
  channel_email: 'Correo',
  channel_push: 'Push',
  channel_sms: 'SMS',
};

const ja: Messages = {
  inboxTitle: '通知',
  bellLabel: '通知',
  bellLabelUnread: '通知、未読 {count} 件',
  bellLabelUnseen: '通知、新着 {count} 件',
  markAllRead: 'すべて既読にする',
  preferences: '通知設定',
  back: '通知に戻る',
  close: '閉じる',
  tabAll: 'すべて',
  tabUnread: '未読',
  tabArchived: 'アーカイブ',
  tabsLabel: '通知フィルター',
  feedLabel: '通知',
  empty: '通知はありません',
  emptyUnread: '未読の通知はありません',
  emptyArchived: 'アーカイブされた通知はありません',
  loading: '通知を読み込んでいます',
  loadingMore: 'さらに読み込んでいます',
  error: '通知を読み込めませんでした',
  retry: '再試行',
  offline: 'オフラインです。保存済みの通知を表示しています。',
  newItems: '新着 {count} 件',
  announceNew: '新しい通知: {title}',
  unread: '未読',
  itemMenu: 'その他の操作',
  markRead: '既読にする',
  markUnread: '未読にする',
  archive: 'アーカイブ',
  unarchive: '受信箱に戻す',
  snooze: 'スヌーズ',
  snoozeHour: '1 時間スヌーズ',
  snoozeTomorrow: '明日までスヌーズ',
  snoozeNextWeek: '来週までスヌーズ',
  actionFailed: '操作に失敗したため、変更を元に戻しました。',
  preferencesTitle: '通知設定',
  preferencesLocked: '必須',
  preferencesSaveFailed: '設定を保存できなかったため、元に戻しました。',
  category: 'カテゴリ',
  channel_in_app: 'アプリ内',
  channel_email: 'メール',
  channel_push: 'プッシュ',
  channel_sms: 'SMS',
};

const ar: Messages = {
  inboxTitle: 'الإشعارات',
  bellLabel: 'الإشعارات',
  bellLabelUnread: 'الإشعارات، {count} غير مقروءة',
  bellLabelUnseen: 'الإشعارات، {count} جديدة',
  markAllRead: 'تعليم الكل كمقروء',
  preferences: 'تفضيلات الإشعارات',
  back: 'العودة إلى الإشعارات',
  close: 'إغلاق',
  tabAll: 'الكل',
  tabUnread: 'غير المقروءة',
  tabArchived: 'المؤرشفة',
  tabsLabel: 'عوامل تصفية الإشعارات',
  feedLabel: 'الإشعارات',
  empty: 'لا توجد إشعارات',
  emptyUnread: 'لا توجد إشعارات غير مقروءة',
  emptyArchived: 'لا توجد إشعارات مؤرشفة',
  loading: 'جارٍ تحميل الإشعارات',
  loadingMore: 'جارٍ تحميل المزيد',
  error: 'تعذر تحميل الإشعارات',
  retry: 'إعادة المحاولة',
  offline: 'أنت غير متصل. يتم عرض الإشعارات المحفوظة.',
  newItems: '{count} جديدة',
  announceNew: 'إشعار جديد: {title}',
  unread: 'غير مقروء',
  itemMenu: 'إجراءات أخرى',
  markRead: 'تعليم كمقروء',
  markUnread: 'تعليم كغير مقروء',
  archive: 'أرشفة',
  unarchive: 'نقل إلى البريد الوارد',
  snooze: 'تأجيل',
  snoozeHour: 'تأجيل لمدة ساعة',
  snoozeTomorrow: 'تأجيل حتى الغد',
  snoozeNextWeek: 'تأجيل حتى الأسبوع القادم',
  actionFailed: 'لم ينجح ذلك. تم التراجع عن التغيير.',
  preferencesTitle: 'تفضيلات الإشعارات',
  preferencesLocked: 'إلزامي',
  preferencesSaveFailed: 'تعذر حفظ التفضيل وتمت استعادته.',
  category: 'الفئة',
  channel_in_app: 'داخل التطبيق',
  channel_email: 'البريد الإلكتروني',
  channel_push: 'إشعارات الدفع',
  channel_sms: 'رسائل نصية',
};

export const MESSAGES: Record<Locale, Messages> = { en, de, fr, es, ja, ar };

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug']);

/** 'ar-EG' → 'rtl'. Decided by the language subtag so any RTL locale mirrors, shipped or not. */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  const lang = locale.toLowerCase().split(/[-_]/)[0] ?? '';
  return RTL_LANGUAGES.has(lang) ? 'rtl' : 'ltr';
}

/** The shipped table for a locale ('de-AT' → de), English otherwise, with overrides applied. */
export function resolveMessages(locale: string, overrides?: Partial<Messages>): Messages {
  const lang = locale.toLowerCase().split(/[-_]/)[0] as Locale;
  const base = MESSAGES[lang] ?? en;
  return overrides ? { ...base, ...overrides } : base;
}

/** Replaces {name} placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
