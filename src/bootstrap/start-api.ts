import { loadConfig } from './config.js';
import { exitOnStartFailure, runApi } from './run-api.js';

/** `npm start`: the whole API on PORT, embedded database unless DATABASE_URL/DB_HOST is set. */
Promise.resolve()
  .then(() => runApi(loadConfig()))
  .catch(exitOnStartFailure);
