import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from './i18n/i18n';
import './styles/app.css';
import './styles/sync.css';
import './styles/forums.css';
import './styles/laptop.css';
import './styles/capture.css';
import './styles/fit.css';
import './styles/roleGate.css';
import './styles/paragraphModel.css';
import './styles/venue.css';
import './styles/translators.css';
import './styles/decisions.css';
import './styles/speakers.css';
import { App } from './App';

// The first screen waits for its language's messages (one small chunk from the same origin).
const root = document.getElementById('root');
if (root) {
  void i18nReady.finally(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
}
