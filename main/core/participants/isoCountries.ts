// The library's Node entry registers all of its ~80 languages (half a megabyte parsed at every
// start); its plain entry with the six UN languages registered here is all Plenary needs.
import countries from 'i18n-iso-countries/index';
import ar from 'i18n-iso-countries/langs/ar.json';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import ru from 'i18n-iso-countries/langs/ru.json';
import zh from 'i18n-iso-countries/langs/zh.json';

for (const locale of [ar, en, es, fr, ru, zh]) countries.registerLocale(locale);

export const isoCountries = countries;
