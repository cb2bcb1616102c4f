/**
 * A small multilingual lexicon for the learned words (learned-words.ts). Each concept lists how the
 * European and other space-separated languages of the corpus write one idea that help articles on the
 * outgoing server lean on ("send", "outgoing", "port", "password", "click"...), or that pages which only
 * look like them lean on ("notification", "invoice", "device"). A page that has any form of a concept
 * also has the concept's own token ("~send"), and the learned words weigh that token like any word.
 *
 * Why: a word's weight is learned only from the pages that have it, and most of the corpus is English
 * and Japanese, so "envoyer" or "wysyłanie" carry far less evidence than "send". The concept token pools
 * the evidence of every language, so what English pages teach about sending carries over to a Polish
 * page. The forms are plain vocabulary (what each language's mail programs and help pages say); Japanese
 * and Chinese, read as pairs of characters, are left to their own learned pairs.
 *
 * A form ending in "*" is a stem: any word starting with it counts. Stems are at least four letters, so a
 * stem cannot swallow short unrelated words.
 */

export const CONCEPT_FORMS: Readonly<Record<string, readonly string[]>> = {
  send: [
    'send', 'sends', 'sending', 'senden', 'versenden', 'versand', 'sendet', 'envoyer', 'envoi', 'envoyés', 'envoyé', 'envoyez',
    'enviar', 'envío', 'envio', 'envia', 'enviado', 'enviados', 'inviare', 'invio', 'inviata', 'inviate', 'inviati', 'verzenden',
    'versturen', 'verzonden', 'verstuurd', 'wysyłać', 'wysyłanie', 'wysyłania', 'wysłać', 'odeslat', 'odesílání',
    'odesílat', 'odosielanie', 'odoslať', 'отправк*', 'отправл*', 'отправить', 'skicka', 'skickar', 'sända', 'sende', 'sender',
    'lähettää', 'lähetys', 'lähetyksen', 'lähetyspalveli*', 'lähettäminen', 'gönder*', 'αποστολ*', 'trimite*', 'kirim', 'mengirim', 'pengiriman', 'gửi',
    'enviament', 'küldés', 'küldése', 'küldött', 'slanje', 'pošiljanje', 'siųsti', 'sūtīt', 'saatmine',
  ],
  outgoing: [
    'outgoing', 'outbound', 'ausgehend*', 'postausgang*', 'ausgangsserver', 'sortant', 'sortants', 'sortante', 'sortantes', 'saliente',
    'salientes', 'salida', 'saída', 'saida', 'uscita', 'uitgaand*', 'wychodząc*', 'odchozí', 'odchozího', 'odchádzajúc*', 'исходящ*',
    'utgående', 'udgående', 'lähtevä*', 'giden', 'εξερχόμεν*', 'εξερχομεν*', 'ieșire', 'iesire', 'sortint', 'kimenő',
    'odlazn*', 'odhodn*', 'išeinanč*', 'izejoš*', 'väljuv*', 'вихідн*', 'изходящ*',
  ],
  incoming: [
    'incoming', 'inbound', 'eingehend*', 'posteingang*', 'eingangsserver', 'entrant', 'entrants', 'entrante', 'entrantes', 'entrada',
    'entrata', 'inkomend*', 'przychodząc*', 'příchozí', 'příchozího', 'prichádzajúc*', 'входящ*', 'inkommande', 'innkommende',
    'indgående', 'saapuva*', 'gelen', 'εισερχόμεν*', 'εισερχομεν*', 'intrare', 'bejövő', 'dolazn*',
  ],
  server: [
    'server', 'servers', 'serveur', 'serveurs', 'servidor', 'servidores', 'serwer', 'serwera', 'serwerze', 'serwery', 'serwerów',
    'сервер', 'сервера', 'серверы', 'серверов', 'sunucu*', 'palveli*', 'διακομιστ*', 'serverul', 'servere', 'serveren', 'servern',
    'servidors', 'szerver*', 'kiszolgáló*', 'poslužitelj*', 'strežnik*', 'serveris', 'serveri', 'сървър*', 'peladen',
  ],
  port: [
    'port', 'ports', 'porta', 'portas', 'puerto', 'puertos', 'poort', 'poorten', 'portu', 'porty', 'portów', 'порт', 'порта',
    'порты', 'портов', 'porten', 'portti*', 'portin', 'porcie', 'порту', 'портом', 'θύρα', 'θύρας', 'θύρες', 'portul', 'portului', 'cổng',
  ],
  settings: [
    'settings', 'setting', 'einstellung*', 'paramètre*', 'parametre*', 'réglage*', 'configuration', 'configurations', 'configuración',
    'configuracion', 'configuração', 'configuracao', 'configurações', 'configurazione', 'configurazioni', 'impostazion*', 'instelling*',
    'ustawienia', 'ustawień', 'konfiguracj*', 'nastavení', 'nastavenie', 'настройк*', 'inställning*', 'innstilling*', 'indstilling*',
    'asetu*', 'ayar', 'ayarlar*', 'ρυθμίσ*', 'ρυθμισ*', 'setăr*', 'setari', 'pengaturan', 'konfigurasi', 'cài',
    'beállítás*', 'postavk*', 'nastavitv*', 'nustatym*', 'iestatījum*', 'seaded', 'configuració',
  ],
  account: [
    'account', 'accounts', 'konto', 'kontos', 'konten', 'kontot', 'compte', 'comptes', 'cuenta', 'cuentas', 'conta', 'contas',
    'konta', 'kont', 'účet', 'účtu', 'účty', 'учётн*', 'учетн*', 'аккаунт*', 'tili', 'tilin', 'tilit', 'tiliä', 'tilille', 'hesap', 'hesabı', 'hesabınız*',
    'λογαριασμ*', 'contul', 'akun', 'fiók*', 'paskyr*', 'kontu', 'konts',
  ],
  password: [
    'password', 'passwords', 'passwort', 'kennwort', 'contraseña', 'contrasena', 'senha', 'wachtwoord', 'hasło', 'hasła',
    'heslo', 'hesla', 'пароль', 'пароля', 'lösenord', 'passord', 'adgangskode', 'salasana', 'şifre', 'şifrenizi', 'şifreniz',
    'κωδικό*', 'parolă', 'parolei', 'sandi', 'jelszó', 'lozink*', 'geslo', 'slaptažod*', 'contrasenya',
  ],
  username: [
    'username', 'usernames', 'login', 'benutzername', 'benutzer', 'utilisateur', 'identifiant', 'usuario', 'usuário', 'utente',
    'gebruikersnaam', 'użytkownik*', 'uživatel*', 'používateľ*', 'пользовател*', 'логин', 'användarnamn', 'brukernavn',
    'brugernavn', 'käyttäjä*', 'kullanıcı*', 'χρήστη', 'χρήστης', 'χρηστών', 'utilizator', 'pengguna', 'felhasználó*', 'korisnik*', 'korisničk*', 'uporabnik*', 'uporabnišk*', 'naudotoj*',
  ],
  authentication: [
    'authentication', 'authenticate', 'authenticated', 'auth', 'authentifizierung', 'authentifiziert', 'authentification',
    'authentifié', 'autenticación', 'autenticação', 'autenticazione', 'autenticada', 'authenticatie', 'uwierzytelni*', 'ověřování',
    'ověření', 'overovanie', 'autentizác*', 'autentizac*', 'аутентификац*', 'авторизац*', 'autentisering',
    'godkendelse', 'todennu*', 'kimlik', 'doğrulama*', 'πιστοποίηση*', 'ταυτοποίηση*', 'autentificare', 'autentikasi',
    'hitelesítés*', 'autentifikacij*', 'provjera', 'autenticació',
  ],
  encryption: [
    'encryption', 'encrypted', 'ssl', 'tls', 'starttls', 'verschlüsselung', 'verschlüsselt', 'chiffrement', 'chiffré', 'cifrado',
    'cifrada', 'criptografia', 'crittografia', 'versleuteling', 'versleuteld', 'szyfrowan*', 'šifrován*', 'šifrovan*', 'шифрован*',
    'kryptering', 'krypteret', 'salaus', 'salattu', 'şifreleme', 'κρυπτογράφηση*', 'criptare', 'enkripsi', 'titkosítás*', 'xifratge',
  ],
  mailClient: [
    'mailprogramm', 'e-mail-programm', 'e-mail-programms', 'mailprogramms', 'logiciel', 'messagerie', 'programa',
    'programma', 'mailprogramma', 'e-mailprogramma', 'e-postprogram',
    'e-postprogrammet', 'e-postklient', 'mailprogram', 'sähköpostiohjelma*', 'istemci*', 'πρόγραμμα', 'levelező*',
    'outlook', 'thunderbird', 'mailclient', 'e-mailclient', 'e-mail-client', 'mailklient', 'e-mail-klient',
  ],
  click: [
    'click', 'clicking', 'klicken', 'klicke', 'klick', 'cliquez', 'cliquer', 'clic', 'haga', 'pulse', 'clique', 'clicca', 'cliccare',
    'klik', 'klikt', 'kliknij', 'kliknąć', 'klikněte', 'kliknite', 'нажмите', 'щелкните', 'tryck', 'klicka', 'klikk', 'klikke',
    'napsauta', 'tıklayın', 'tıklatın', 'κάντε', 'faceți', 'faceti', 'kattintson', 'tap', 'tippen', 'appuyez', 'toque', 'tocca',
  ],
  choose: [
    'select', 'choose', 'wählen', 'auswählen', 'wähle', 'sélectionnez', 'sélectionner', 'choisissez', 'choisir', 'seleccione',
    'selecciona', 'seleccionar', 'elija', 'selecione', 'escolha', 'seleziona', 'selezionare', 'scegli', 'scegliere', 'selecteer', 'kies',
    'wybierz', 'wybrać', 'vyberte', 'zvoľte', 'выберите', 'välj', 'velg', 'vælg', 'valitse', 'seçin', 'seçiniz', 'επιλέξτε',
    'selectați', 'selectati', 'pilih', 'chọn', 'válassza',
  ],
  enter: [
    'enter', 'type', 'eingeben', 'geben', 'tragen', 'saisissez', 'saisir', 'entrez', 'indiquez', 'introduzca', 'ingrese', 'escriba',
    'introduce', 'digite', 'insira', 'informe', 'inserire', 'inserisci', 'immettere', 'digitare', 'voer', 'vul', 'wpisz', 'wprowadź',
    'podaj', 'zadejte', 'vyplňte', 'zadajte', 'введите', 'укажите', 'ange', 'skriv', 'fyll', 'oppgi', 'angiv', 'kirjoita', 'syötä',
    'girin', 'giriniz', 'yazın', 'πληκτρολογήστε', 'εισάγετε', 'introduceți', 'introduceti', 'masukkan', 'adja',
  ],
  blocked: [
    'block', 'blocks', 'blocked', 'blocking', 'blockier*', 'gesperrt', 'sperre', 'sperren', 'sperrt', 'bloqu*', 'blocc*', 'geblokkeerd', 'blokkeer*', 'blokuj*', 'blokad*', 'zablokowan*',
    'blokov*', 'блокир*', 'заблокир*', 'spärr*', 'blokker*', 'estetty*', 'estetään', 'engelle*', 'αποκλεισμ*', 'μπλοκ*', 'blocat*', 'diblokir',
    'memblokir', 'chặn', 'letilt*', 'filtered', 'filtering', 'filtrage', 'filtrad*', 'gefiltert',
  ],
  provider: [
    'provider', 'providers', 'isp', 'isps', 'anbieter', 'internetanbieter', 'fournisseur', 'fournisseurs', 'proveedor', 'proveedores',
    'provedor', 'provedores', 'fornitore', 'fornitori', 'aanbieder', 'dostawca', 'dostawcy', 'poskytovatel*', 'провайдер*',
    'leverantör', 'leverandør', 'palveluntarjoaja*', 'operaattori', 'sağlayıcı*', 'πάροχο*', 'furnizor*', 'penyedia',
    'szolgáltató*', 'operador', 'operatore',
  ],
  recommend: [
    'recommend', 'recommended', 'recommends', 'empfehlen', 'empfohlen', 'empfiehlt', 'recommandé', 'recommandons', 'recommande',
    'recomendado', 'recomendamos', 'recomienda', 'recomenda', 'consigliato', 'consigliamo', 'raccomandato', 'aanbevolen', 'raden',
    'zalecane', 'zalecamy', 'zaleca', 'doporučujeme', 'doporučeno', 'odporúčame', 'рекомендуе*', 'рекомендова*', 'rekommenderar',
    'rekommenderas', 'anbefaler', 'anbefales', 'anbefalet', 'suosittelemme', 'suositeltava', 'öneririz', 'önerilir', 'συνιστάται',
    'συνιστούμε', 'recomandat', 'recomandăm', 'disarankan', 'ajánlott',
  ],
  problem: [
    'problem', 'problems', 'error', 'errors', 'fehler', 'fehlermeldung', 'erreur', 'problème', 'problèmes', 'problema', 'problemas',
    'errore', 'probleem', 'problemen', 'fout', 'foutmelding', 'błąd', 'błędu', 'problemy', 'chybová', 'ошибк*', 'проблем*',
    'felet', 'feil', 'feilen', 'virhe', 'virheilmoitus', 'ongelma', 'hata', 'sorun', 'σφάλμα', 'πρόβλημα', 'eroare', 'masalah',
    'lỗi', 'hiba', 'greška', 'napaka',
  ],
  notification: [
    'notification', 'notifications', 'notify', 'alert', 'alerts', 'alarm', 'alarms', 'benachrichtigung*', 'alarmierung', 'alerte*',
    'notificación', 'notificaciones', 'alerta', 'alertas', 'notificação', 'notificações', 'notifica', 'notifiche', 'avvisi',
    'meldung*', 'powiadomie*', 'alarmy', 'oznámení', 'upozornění', 'upozornenie', 'уведомлен*', 'оповещен*',
    'avisering*', 'varsling*', 'varsel', 'ilmoitu*', 'hälytys*', 'bildirim*', 'uyarı', 'ειδοποίηση*', 'notificare', 'notifikasi',
    'értesítés*',
  ],
  business: [
    'invoice', 'invoices', 'rechnung*', 'facture*', 'factura*', 'fattur*', 'factuur', 'faktur*', 'счет', 'счёт', 'счёта', 'счета',
    'счетов', 'lasku*', 'fatura*', 'τιμολόγι*', 'report', 'reports', 'rapport*', 'relatório*',
    'raport*', 'отчет*', 'отчёт*', 'newsletter', 'newsletters', 'kampagne*', 'campagne*', 'campaña*', 'campanha*', 'campagna*',
  ],
  device: [
    'device', 'devices', 'gerät', 'geräte', 'geräts', 'appareil', 'appareils', 'dispositivo', 'dispositivos', 'dispositivi',
    'apparaat', 'apparaten', 'urządzen*', 'zařízení', 'zariadenie', 'устройств*', 'enhet', 'enheten', 'enheter', 'laite', 'laitteen',
    'cihaz*', 'συσκευή', 'συσκευής', 'συσκευές', 'συσκευών', 'dispozitiv*', 'perangkat', 'caméra', 'cámara', 'câmera', 'telecamera', 'printer',
    'drucker', 'imprimante', 'impresora', 'impressora', 'stampante', 'drukarka', 'tiskárna', 'принтер', 'skrivare', 'tulostin',
    'yazıcı', 'router', 'firewall',
  ],
  administrator: [
    'administrator', 'administrators', 'admin', 'sysadmin', 'administrateur', 'administrador', 'amministratore', 'beheerder',
    'administratora', 'správce', 'správca', 'администратор*', 'administratören', 'ylläpitäjä', 'yönetici', 'διαχειριστ*',
  ],
};

const MIN_STEM = 4;

export interface Lexicon {
  /** Exact forms to their concept. */
  exact: Map<string, string>;
  /** Stems (without the "*") with their concept. */
  stems: Array<readonly [string, string]>;
  concepts: readonly string[];
}

/**
 * Builds the lookup from concept → forms, refusing a short stem, a form listed twice, and a form another
 * stem already covers (which would give a word two concepts, or list it for nothing).
 */
export function buildLexicon(forms: Readonly<Record<string, readonly string[]>>): Lexicon {
  const exact = new Map<string, string>();
  const stems: Array<readonly [string, string]> = [];
  const listed = new Map<string, string>();
  for (const [concept, list] of Object.entries(forms)) {
    for (const form of list) {
      const earlier = listed.get(form);
      if (earlier !== undefined) throw new Error(`concepts: "${form}" is listed under ${earlier} and again under ${concept}`);
      listed.set(form, concept);
      if (form.endsWith('*')) {
        const stem = form.slice(0, -1);
        if ([...stem].length < MIN_STEM) throw new Error(`concepts: the stem "${form}" of ${concept} is shorter than ${MIN_STEM} letters`);
        stems.push([stem, concept]);
      } else exact.set(form, concept);
    }
  }
  for (const [stem, concept] of stems) {
    for (const [form, other] of exact) {
      if (form.startsWith(stem)) throw new Error(`concepts: "${form}" (${other}) is already covered by the stem "${stem}*" (${concept})`);
    }
    for (const [longer, other] of stems) {
      if (longer !== stem && longer.startsWith(stem)) throw new Error(`concepts: the stem "${longer}*" (${other}) is already covered by the stem "${stem}*" (${concept})`);
    }
  }
  return { exact, stems, concepts: Object.keys(forms) };
}

const BUILT = buildLexicon(CONCEPT_FORMS);

/** What a concept token starts with: no word pageWords gives can, since words start with a letter or digit. */
export const CONCEPT_MARK = '~';

/**
 * The concept tokens ("~send", "~port"...) of a page's different words (as pageWords gives them), each
 * once, sorted.
 */
export function conceptTokens(words: Iterable<string>, lexicon: Lexicon = BUILT): string[] {
  const found = new Set<string>();
  for (const word of words) {
    const exact = lexicon.exact.get(word);
    if (exact !== undefined) found.add(exact);
    for (const [stem, concept] of lexicon.stems) if (word.startsWith(stem)) found.add(concept);
  }
  return [...found].sort().map((concept) => `${CONCEPT_MARK}${concept}`);
}
