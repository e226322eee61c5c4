/**
 * Closed region lists of the countries whose addresses name the region by a code: the Italian
 * provinces (sigla automobilistica, with the Sardinian codes in use again since 2025 and the
 * 2016–2025 ones still printed on many documents) and the US states, DC and the territories.
 */
export const IT_PROVINCES: { code: string; name: string }[] = [
  ['AG', 'Agrigento'], ['AL', 'Alessandria'], ['AN', 'Ancona'], ['AO', 'Aosta'], ['AP', 'Ascoli Piceno'], ['AQ', "L'Aquila"], ['AR', 'Arezzo'], ['AT', 'Asti'],
  ['AV', 'Avellino'], ['BA', 'Bari'], ['BG', 'Bergamo'], ['BI', 'Biella'], ['BL', 'Belluno'], ['BN', 'Benevento'], ['BO', 'Bologna'], ['BR', 'Brindisi'],
  ['BS', 'Brescia'], ['BT', 'Barletta-Andria-Trani'], ['BZ', 'Bolzano'], ['CA', 'Cagliari'], ['CB', 'Campobasso'], ['CE', 'Caserta'], ['CH', 'Chieti'],
  ['CI', 'Carbonia-Iglesias'], ['CL', 'Caltanissetta'], ['CN', 'Cuneo'], ['CO', 'Como'], ['CR', 'Cremona'], ['CS', 'Cosenza'], ['CT', 'Catania'], ['CZ', 'Catanzaro'],
  ['EN', 'Enna'], ['FC', 'Forlì-Cesena'], ['FE', 'Ferrara'], ['FG', 'Foggia'], ['FI', 'Firenze'], ['FM', 'Fermo'], ['FR', 'Frosinone'], ['GE', 'Genova'],
  ['GO', 'Gorizia'], ['GR', 'Grosseto'], ['IM', 'Imperia'], ['IS', 'Isernia'], ['KR', 'Crotone'], ['LC', 'Lecco'], ['LE', 'Lecce'], ['LI', 'Livorno'],
  ['LO', 'Lodi'], ['LT', 'Latina'], ['LU', 'Lucca'], ['MB', 'Monza e Brianza'], ['MC', 'Macerata'], ['ME', 'Messina'], ['MI', 'Milano'], ['MN', 'Mantova'],
  ['MO', 'Modena'], ['MS', 'Massa-Carrara'], ['MT', 'Matera'], ['NA', 'Napoli'], ['NO', 'Novara'], ['NU', 'Nuoro'], ['OG', 'Ogliastra'], ['OR', 'Oristano'],
  ['OT', 'Gallura Nord-Est Sardegna'], ['PA', 'Palermo'], ['PC', 'Piacenza'], ['PD', 'Padova'], ['PE', 'Pescara'], ['PG', 'Perugia'], ['PI', 'Pisa'],
  ['PN', 'Pordenone'], ['PO', 'Prato'], ['PR', 'Parma'], ['PT', 'Pistoia'], ['PU', 'Pesaro e Urbino'], ['PV', 'Pavia'], ['PZ', 'Potenza'], ['RA', 'Ravenna'],
  ['RC', 'Reggio Calabria'], ['RE', 'Reggio Emilia'], ['RG', 'Ragusa'], ['RI', 'Rieti'], ['RM', 'Roma'], ['RN', 'Rimini'], ['RO', 'Rovigo'], ['SA', 'Salerno'],
  ['SI', 'Siena'], ['SO', 'Sondrio'], ['SP', 'La Spezia'], ['SR', 'Siracusa'], ['SS', 'Sassari'], ['SU', 'Sud Sardegna'], ['SV', 'Savona'], ['TA', 'Taranto'],
  ['TE', 'Teramo'], ['TN', 'Trento'], ['TO', 'Torino'], ['TP', 'Trapani'], ['TR', 'Terni'], ['TS', 'Trieste'], ['TV', 'Treviso'], ['UD', 'Udine'],
  ['VA', 'Varese'], ['VB', 'Verbano-Cusio-Ossola'], ['VC', 'Vercelli'], ['VE', 'Venezia'], ['VI', 'Vicenza'], ['VR', 'Verona'], ['VS', 'Medio Campidano'],
  ['VT', 'Viterbo'], ['VV', 'Vibo Valentia'],
].map(([code, name]) => ({ code, name }));

export const US_STATES: { code: string; name: string }[] = [
  ['AL', 'Alabama'], ['AK', 'Alaska'], ['AZ', 'Arizona'], ['AR', 'Arkansas'], ['CA', 'California'], ['CO', 'Colorado'], ['CT', 'Connecticut'], ['DE', 'Delaware'],
  ['DC', 'District of Columbia'], ['FL', 'Florida'], ['GA', 'Georgia'], ['HI', 'Hawaii'], ['ID', 'Idaho'], ['IL', 'Illinois'], ['IN', 'Indiana'], ['IA', 'Iowa'],
  ['KS', 'Kansas'], ['KY', 'Kentucky'], ['LA', 'Louisiana'], ['ME', 'Maine'], ['MD', 'Maryland'], ['MA', 'Massachusetts'], ['MI', 'Michigan'], ['MN', 'Minnesota'],
  ['MS', 'Mississippi'], ['MO', 'Missouri'], ['MT', 'Montana'], ['NE', 'Nebraska'], ['NV', 'Nevada'], ['NH', 'New Hampshire'], ['NJ', 'New Jersey'],
  ['NM', 'New Mexico'], ['NY', 'New York'], ['NC', 'North Carolina'], ['ND', 'North Dakota'], ['OH', 'Ohio'], ['OK', 'Oklahoma'], ['OR', 'Oregon'],
  ['PA', 'Pennsylvania'], ['RI', 'Rhode Island'], ['SC', 'South Carolina'], ['SD', 'South Dakota'], ['TN', 'Tennessee'], ['TX', 'Texas'], ['UT', 'Utah'],
  ['VT', 'Vermont'], ['VA', 'Virginia'], ['WA', 'Washington'], ['WV', 'West Virginia'], ['WI', 'Wisconsin'], ['WY', 'Wyoming'], ['AS', 'American Samoa'],
  ['GU', 'Guam'], ['MP', 'Northern Mariana Islands'], ['PR', 'Puerto Rico'], ['VI', 'U.S. Virgin Islands'],
].map(([code, name]) => ({ code, name }));
