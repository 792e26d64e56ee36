import { AppError } from '../../common/app-error';

/** The search engine cannot answer (down, or its index is not ready yet); writes keep working meanwhile. */
export class SearchUnavailableError extends AppError {
  constructor() {
    super(
      'SEARCH_UNAVAILABLE',
      '検索は一時的に利用できません。しばらくしてからもう一度お試しください。 (Search is temporarily unavailable)',
      { retryAfterSeconds: 5 },
    );
  }
}
