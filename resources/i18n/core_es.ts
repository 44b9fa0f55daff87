<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>client</name>
    <message>
        <source>The update may or may not have been applied; check the ticket before sending it again.</source>
        <extracomment>Bodies are read up to this size; anything longer is an error page we will not show anyway.</extracomment>
        <translation>Es posible que la actualización se haya aplicado o no; revise el ticket antes de enviarla de nuevo.</translation>
    </message>
    <message>
        <source>Stopped waiting for the server.</source>
        <translation>Se dejó de esperar la respuesta del servidor.</translation>
    </message>
    <message>
        <source>Signed in to {host} with your test keys.</source>
        <translation>Sesión iniciada en {host} con sus claves de prueba.</translation>
    </message>
    <message>
        <source>Signed in to {host} with your live keys.</source>
        <translation>Sesión iniciada en {host} con sus claves de producción.</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Sesión iniciada.</translation>
    </message>
    <message>
        <source>Reached {host}. The token is checked with the first update.</source>
        <translation>Se estableció conexión con {host}. El token se verificará con la primera actualización.</translation>
    </message>
    <message>
        <source>Your keys were rejected: Particle Space refused the token it had just given. Check them in Settings.</source>
        <translation>Sus claves fueron rechazadas: Particle Space rechazó el token que acababa de emitir. Revíselas en Configuración.</translation>
    </message>
    <message>
        <source>Your keys were rejected (HTTP {status}). Check them in Settings.</source>
        <translation>Sus claves fueron rechazadas (HTTP {status}). Revíselas en Configuración.</translation>
    </message>
    <message>
        <source>Particle Space accepted the keys but sent no usable token.</source>
        <translation>Particle Space aceptó las claves, pero no envió un token que se pueda usar.</translation>
    </message>
    <message>
        <source>Cancelled before anything was sent.</source>
        <translation>Se canceló antes de enviar nada.</translation>
    </message>
    <message>
        <source>The CA bundle cannot be used: {reason}</source>
        <translation>No se puede usar el paquete de certificados de CA: {reason}</translation>
    </message>
    <message>
        <source>Could not connect securely to {host}: its certificate is not trusted. Nothing was sent.</source>
        <translation>No se pudo establecer una conexión segura con {host}: su certificado no es de confianza. No se envió nada.</translation>
    </message>
    <message>
        <source>Could not connect securely to {host}: the secure (TLS) connection failed. Nothing was sent.</source>
        <translation>No se pudo establecer una conexión segura con {host}: falló la conexión segura (TLS). No se envió nada.</translation>
    </message>
    <message>
        <source>{host} did not answer within {seconds:g} s. Check the network; nothing was sent.</source>
        <translation>{host} no respondió en {seconds:g} s. Revise la red; no se envió nada.</translation>
    </message>
    <message>
        <source>No answer from {host} within {seconds:g} s.</source>
        <translation>No hubo respuesta de {host} en {seconds:g} s.</translation>
    </message>
    <message>
        <source>Could not find {host}. Check the API address and that this computer is online.</source>
        <translation>No se encontró {host}. Revise la dirección de la API y que esta computadora esté conectada a internet.</translation>
    </message>
    <message>
        <source>{host} refused the connection: the service is down or the address is wrong.</source>
        <translation>{host} rechazó la conexión: el servicio no está disponible o la dirección es incorrecta.</translation>
    </message>
    <message>
        <source>Could not connect to {host}. Check that this computer is online.</source>
        <translation>No se pudo conectar con {host}. Revise que esta computadora esté conectada a internet.</translation>
    </message>
    <message>
        <source>The API address or token cannot be used: {reason}</source>
        <translation>No se puede usar la dirección de la API o el token: {reason}</translation>
    </message>
    <message>
        <source>The connection to {host} broke.</source>
        <translation>Se interrumpió la conexión con {host}.</translation>
    </message>
    <message>
        <source>The token was rejected ({label}). Check the token or ask for a new one.</source>
        <translation>El token fue rechazado ({label}). Revise el token o solicite uno nuevo.</translation>
    </message>
    <message>
        <source>Particle Space does not offer creating tickets at this address ({label}). Check the API address in Settings.</source>
        <translation>Particle Space no permite crear tickets en esta dirección ({label}). Revise la dirección de la API en Configuración.</translation>
    </message>
    <message>
        <source>Particle Space has no ticket “{ticket_id}”.</source>
        <translation>Particle Space no tiene ningún ticket «{ticket_id}».</translation>
    </message>
    <message>
        <source>No ticket with this id.</source>
        <translation>No hay ningún ticket con este ID.</translation>
    </message>
    <message>
        <source>Particle Space is busy. Try again in a minute.</source>
        <translation>Particle Space está ocupado. Vuelva a intentarlo en un minuto.</translation>
    </message>
    <message>
        <source>Particle Space is busy. Try again in {seconds} s.</source>
        <translation>Particle Space está ocupado. Vuelva a intentarlo en {seconds} s.</translation>
    </message>
    <message>
        <source>Particle Space refused the update: {said}</source>
        <translation>Particle Space rechazó la actualización: {said}</translation>
    </message>
    <message>
        <source>Particle Space refused some values; see the marked fields.</source>
        <translation>Particle Space rechazó algunos valores; revise los campos marcados.</translation>
    </message>
    <message>
        <source>Particle Space refused the update ({label}).</source>
        <translation>Particle Space rechazó la actualización ({label}).</translation>
    </message>
    <message>
        <source>Particle Space had a problem ({label}).</source>
        <translation>Particle Space tuvo un problema ({label}).</translation>
    </message>
    <message>
        <source>It said: {said}</source>
        <translation>Su mensaje: {said}</translation>
    </message>
    <message>
        <source>Particle Space sent the request on to {target} ({label}). The app does not follow redirects, so nothing was sent there and nothing was applied. Check the API address in Settings.</source>
        <translation>Particle Space redirigió la solicitud a {target} ({label}). La aplicación no sigue redirecciones, así que no se envió nada allí ni se aplicó ningún cambio. Revise la dirección de la API en Configuración.</translation>
    </message>
    <message>
        <source>Particle Space sent the request on to another address ({label}). The app does not follow redirects, so nothing was sent there and nothing was applied. Check the API address in Settings.</source>
        <translation>Particle Space redirigió la solicitud a otra dirección ({label}). La aplicación no sigue redirecciones, así que no se envió nada allí ni se aplicó ningún cambio. Revise la dirección de la API en Configuración.</translation>
    </message>
    <message>
        <source>Unexpected answer from Particle Space ({label}).</source>
        <translation>Respuesta inesperada de Particle Space ({label}).</translation>
    </message>
</context>
<context>
    <name>config</name>
    <message>
        <source>Not signed in: open Settings and enter your keys (or a token), or try the app with --demo.</source>
        <translation>No ha iniciado sesión: abra Configuración e ingrese sus claves (o un token), o pruebe la aplicación con --demo.</translation>
    </message>
    <message>
        <source>“{value}” is not a number of seconds.</source>
        <translation>«{value}» no es una cantidad de segundos.</translation>
    </message>
    <message>
        <source>A timeout of {value} s is outside 0.1 to 600 s.</source>
        <translation>Un tiempo de espera de {value} s está fuera del rango de 0.1 a 600 s.</translation>
    </message>
    <message>
        <source>The API address contains control characters.</source>
        <translation>La dirección de la API contiene caracteres de control.</translation>
    </message>
    <message>
        <source>“{url}” is not a usable API address; it should look like {example}.</source>
        <translation>«{url}» no es una dirección de API que se pueda usar; debería tener la forma {example}.</translation>
    </message>
    <message>
        <source>Refusing plain http to {host}: the token would travel unencrypted. Use an https:// address.</source>
        <translation>No se permite http sin cifrado hacia {host}: el token viajaría sin cifrar. Use una dirección https://.</translation>
    </message>
</context>
<context>
    <name>contacts</name>
    <message>
        <source>“{entry}” is not a valid email address: {detail}</source>
        <extracomment>The region a phone number without a +country code belongs to.</extracomment>
        <translation>«{entry}» no es una dirección de correo electrónico válida.</translation>
    </message>
    <message>
        <source>“{entry}” is not a phone number.</source>
        <translation>«{entry}» no es un número de teléfono.</translation>
    </message>
    <message>
        <source>“{entry}” is not a valid phone number.</source>
        <translation>«{entry}» no es un número de teléfono válido.</translation>
    </message>
    <message>
        <source>“{entry}” has an extension; text messages cannot reach extensions.</source>
        <translation>«{entry}» tiene una extensión; los mensajes de texto no pueden llegar a extensiones.</translation>
    </message>
</context>
<context>
    <name>credentials</name>
    <message>
        <source>This contains spaces, line breaks or control characters.</source>
        <translation>Contiene espacios, saltos de línea o caracteres de control.</translation>
    </message>
    <message>
        <source>A secret key starts with sk_test_ or sk_live_.</source>
        <translation>Una clave secreta empieza con sk_test_ o sk_live_.</translation>
    </message>
    <message>
        <source>A publishable key starts with pk_test_ or pk_live_.</source>
        <translation>Una clave publicable empieza con pk_test_ o pk_live_.</translation>
    </message>
    <message>
        <source>This is a test key but the secret key is a live key: use the two keys of one pair.</source>
        <translation>Esta es una clave de prueba, pero la clave secreta es de producción: use las dos claves de un mismo par.</translation>
    </message>
    <message>
        <source>This is a live key but the secret key is a test key: use the two keys of one pair.</source>
        <translation>Esta es una clave de producción, pero la clave secreta es de prueba: use las dos claves de un mismo par.</translation>
    </message>
</context>
<context>
    <name>drafts</name>
    <message>
        <source>The saved draft could not be read ({reason}).</source>
        <translation>No se pudo leer el borrador guardado ({reason}).</translation>
    </message>
    <message>
        <source>The saved draft was damaged and could not be restored.</source>
        <translation>El borrador guardado estaba dañado y no se pudo restaurar.</translation>
    </message>
    <message>
        <source>It could not be moved aside.</source>
        <translation>Tampoco se pudo apartar el archivo.</translation>
    </message>
    <message>
        <source>It was kept as {name}.</source>
        <translation>Se conservó como {name}.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>1 field needs your attention.</source>
        <extracomment>True when the server may already have applied the update although we got no answer.</extracomment>
        <translation>1 campo requiere su atención.</translation>
    </message>
    <message>
        <source>{count} fields need your attention.</source>
        <translation>{count} campos requieren su atención.</translation>
    </message>
</context>
<context>
    <name>keychain</name>
    <message>
        <source>The keychain refused to read your keys ({reason}).</source>
        <extracomment>The keychain entries&apos; service name; each credential is one entry under it. How long the window waits for the keychain (it may be waiting for its unlock prompt). What the user reads when the keychain refuses to read, store or remove the keys.</extracomment>
        <translation>El llavero del sistema no permitió leer sus claves ({reason}).</translation>
    </message>
    <message>
        <source>The keychain refused to store your keys ({reason}).</source>
        <translation>El llavero del sistema no permitió guardar sus claves ({reason}).</translation>
    </message>
    <message>
        <source>The keychain refused to remove your keys ({reason}).</source>
        <translation>El llavero del sistema no permitió eliminar sus claves ({reason}).</translation>
    </message>
</context>
<context>
    <name>outbox</name>
    <message>
        <source>The app stopped while this update was being sent; it may have arrived.</source>
        <extracomment>How long a statement waits for another connection&apos;s write lock, in seconds. How many contacts of each type are remembered for completion. What `recover` writes on items that were being sent when the app stopped.</extracomment>
        <translation>La aplicación se cerró mientras se enviaba esta actualización; es posible que haya llegado.</translation>
    </message>
    <message>
        <source>The app stopped while this update was being sent; it goes out again (no one is notified).</source>
        <translation>La aplicación se cerró mientras se enviaba esta actualización; se enviará de nuevo (no se notifica a nadie).</translation>
    </message>
    <message>
        <source>The outbox {path} was written by a newer version of the app (schema {version}; this app knows {known}).</source>
        <extracomment>Version 2: new tickets. Their outbox rows have ticket_id &apos;&apos; (the server gives the id), and their history rows say they created the ticket. And the process sending an item marks it (gui.core.liveness), so that a second process (the window and the command line share the outbox) never takes it for abandoned. Step i brings a database from ``user_version`` i to i + 1.</extracomment>
        <translation>La bandeja de salida {path} fue escrita por una versión más reciente de la aplicación (esquema {version}; esta aplicación admite hasta el {known}).</translation>
    </message>
    <message>
        <source>The outbox file was damaged. It was kept as {name}, and a new, empty outbox was started.</source>
        <translation>El archivo de la bandeja de salida estaba dañado. Se conservó como {name} y se creó una bandeja de salida nueva y vacía.</translation>
    </message>
</context>
<context>
    <name>preferences</name>
    <message>
        <source>the preferences file</source>
        <extracomment>The connection values, in the file&apos;s ``[connection]`` section; the keys of `Preferences.connection`, as `gui.core.config.resolve_connection` takes them. Every preference, in the order of `Preferences`&apos; fields. The section each preference is in (the same as in 0.1.0&apos;s settings.ini). A name with one of these in it is a secret&apos;s (token, secret_key, publish_key, …). A value that starts like a Particle Space key is one (gui.core.credentials). &quot;en&quot;, &quot;es&quot;, …; &quot;&quot; follows the system&apos;s language.</extracomment>
        <translation>el archivo de preferencias</translation>
    </message>
    <message>
        <source>“{key}” is not a preference; they are: {keys}.</source>
        <translation>«{key}» no es una preferencia; las preferencias son: {keys}.</translation>
    </message>
    <message>
        <source>The preferences file {path} could not be read: {reason}.</source>
        <translation>No se pudo leer el archivo de preferencias {path}: {reason}.</translation>
    </message>
    <message>
        <source>The preferences file {path} is not UTF-8 text. Correct or delete it, then check Settings.</source>
        <translation>El archivo de preferencias {path} no es texto UTF-8. Corríjalo o elimínelo y luego revise la Configuración.</translation>
    </message>
    <message>
        <source>The value of “{key}” cannot be kept in {path}: it begins or ends with a space or holds a line break.</source>
        <translation>El valor de «{key}» no se puede guardar en {path}: empieza o termina con un espacio o contiene un salto de línea.</translation>
    </message>
    <message>
        <source>The preferences could not be saved in {path}: {reason}.</source>
        <translation>No se pudieron guardar las preferencias en {path}: {reason}.</translation>
    </message>
    <message>
        <source>“{key}” looks like a secret, and secrets are kept in the system&apos;s keychain (enter them in Settings), never in {path}.</source>
        <translation>«{key}» parece un secreto, y los secretos se guardan en el llavero del sistema (ingréselos en Configuración), nunca en {path}.</translation>
    </message>
    <message>
        <source>The value of “{key}” looks like a key, and keys are kept in the system&apos;s keychain (enter them in Settings), never in {path}.</source>
        <translation>El valor de «{key}» parece una clave, y las claves se guardan en el llavero del sistema (ingréselas en Configuración), nunca en {path}.</translation>
    </message>
    <message>
        <source>The preferences file {path} is damaged. Correct or delete it, then check Settings.</source>
        <translation>El archivo de preferencias {path} está dañado. Corríjalo o elimínelo y luego revise la Configuración.</translation>
    </message>
    <message>
        <source>The preferences file {path} is damaged at line {line}. Correct or delete it, then check Settings.</source>
        <translation>El archivo de preferencias {path} está dañado en la línea {line}. Corríjalo o elimínelo y luego revise la Configuración.</translation>
    </message>
</context>
<context>
    <name>retry</name>
    <message>
        <source>Particle Space is busy (HTTP {status})</source>
        <extracomment>The longest backoff between two attempts, in seconds (a server&apos;s Retry-After may ask for more). The shortest wait before an automatic resend, in seconds. Failures after which the request provably did not reach the server. Failures that cannot be mended by resending: the user has to fix Settings first. Gateway answers: a proxy gave up on the server, which may have applied the update.</extracomment>
        <translation>Particle Space está ocupado (HTTP {status})</translation>
    </message>
    <message>
        <source>{reason}, so the ticket may already have been created: check, then resend or discard it.</source>
        <translation>{reason}, así que es posible que el ticket ya se haya creado: verifíquelo y luego reenvíelo o descártelo.</translation>
    </message>
    <message>
        <source>{reason}, so people may already have been notified: resend or discard it.</source>
        <translation>{reason}, así que es posible que ya se haya notificado a las personas: reenvíela o descártela.</translation>
    </message>
    <message>
        <source>{reason}; without notifications it is safe to resend</source>
        <translation>{reason}; sin notificaciones, se puede reenviar sin riesgo</translation>
    </message>
    <message>
        <source>The server redirected the request (HTTP {status}), so nothing was applied: check the API address in Settings, then resend.</source>
        <translation>El servidor redirigió la solicitud (HTTP {status}), así que no se aplicó nada: revise la dirección de la API en Configuración y luego reenvíela.</translation>
    </message>
    <message>
        <source>Particle Space had a problem (HTTP {status}) and may have applied the update: check the ticket, then resend or discard it.</source>
        <translation>Particle Space tuvo un problema (HTTP {status}) y es posible que haya aplicado la actualización: revise el ticket y luego reenvíela o descártela.</translation>
    </message>
    <message>
        <source>{problem}: nothing was applied; fix it in Settings, then resend.</source>
        <translation>{problem}: no se aplicó nada; corríjalo en Configuración y luego reenvíela.</translation>
    </message>
    <message>
        <source>Sending failed unexpectedly ({error}): resend or discard it.</source>
        <translation>El envío falló de forma inesperada ({error}): reenvíela o descártela.</translation>
    </message>
    <message>
        <source>{reason}; next try in {delay}.</source>
        <translation>{reason}; próximo intento en {delay}.</translation>
    </message>
    <message>
        <source>The server refused the connection, so nothing was sent</source>
        <translation>El servidor rechazó la conexión, así que no se envió nada</translation>
    </message>
    <message>
        <source>Could not find the server (DNS), so nothing was sent</source>
        <translation>No se encontró el servidor (DNS), así que no se envió nada</translation>
    </message>
    <message>
        <source>Could not connect securely (TLS), so nothing was sent</source>
        <translation>No se pudo establecer una conexión segura (TLS), así que no se envió nada</translation>
    </message>
    <message>
        <source>The server did not accept the connection in time, so nothing was sent</source>
        <translation>El servidor no aceptó la conexión a tiempo, así que no se envió nada</translation>
    </message>
    <message>
        <source>Could not reach the server, so nothing was sent</source>
        <translation>No se pudo contactar al servidor, así que no se envió nada</translation>
    </message>
    <message>
        <source>No answer in time after the update was sent</source>
        <translation>No hubo respuesta a tiempo después de enviar la actualización</translation>
    </message>
    <message>
        <source>The connection broke after the update was sent</source>
        <translation>La conexión se interrumpió después de enviar la actualización</translation>
    </message>
    <message>
        <source>Sending was stopped, but the update may already have arrived</source>
        <translation>Se detuvo el envío, pero es posible que la actualización ya haya llegado</translation>
    </message>
    <message>
        <source>A gateway between here and Particle Space failed (HTTP {status})</source>
        <translation>Falló una puerta de enlace entre este equipo y Particle Space (HTTP {status})</translation>
    </message>
    <message>
        <source>The token was rejected</source>
        <translation>El token fue rechazado</translation>
    </message>
    <message>
        <source>The keys were rejected</source>
        <translation>Las claves fueron rechazadas</translation>
    </message>
    <message>
        <source>The keychain could not be read</source>
        <translation>No se pudo leer el llavero del sistema</translation>
    </message>
    <message>
        <source>Sending is not set up correctly</source>
        <translation>El envío no está configurado correctamente</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} min {seconds} s</translation>
    </message>
</context>
<context>
    <name>sender</name>
    <message>
        <source>Sending is not set up.</source>
        <extracomment>Modules the first send or validation needs; `warm_up` loads them ahead of time. What the user reads when sending is attempted without a usable connection (and no reason).</extracomment>
        <translation>El envío no está configurado.</translation>
    </message>
</context>
<context>
    <name>stored_connection</name>
    <message>
        <source>The settings file {path} could not be read: {reason}.</source>
        <extracomment>The connection values Settings stores (keys of `read_stored_connection`), in the INI section ``[connection]``; secrets are not among them: they live in the OS keychain (gui.core.keychain). Values QSettings turns into something other than the text between the parentheses.</extracomment>
        <translation>No se pudo leer el archivo de configuración {path}: {reason}.</translation>
    </message>
    <message>
        <source>The setting “{key}” in {path} cannot be read without the window: {why}. Open Settings in the window and save it again, or give the value as an option.</source>
        <translation>El ajuste «{key}» de {path} no se puede leer sin la ventana: {why}. Abra la Configuración en la ventana y vuelva a guardarla, o indique el valor como opción.</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <source>A new ticket gets its id from Particle Space: leave the ticket id empty.</source>
        <translation>Particle Space asigna el ID a los tickets nuevos: deje vacío el ID del ticket.</translation>
    </message>
    <message>
        <source>Remove the invisible control characters.</source>
        <translation>Quite los caracteres de control invisibles.</translation>
    </message>
    <message>
        <source>Enter a title.</source>
        <translation>Escriba un título.</translation>
    </message>
    <message>
        <source>Enter a description.</source>
        <translation>Escriba una descripción.</translation>
    </message>
    <message>
        <source>Choose or type a status.</source>
        <translation>Elija o escriba un estado.</translation>
    </message>
    <message>
        <source>Pick a time in the future, or choose “Send now”.</source>
        <translation>Elija una hora futura o seleccione «Enviar ahora».</translation>
    </message>
    <message>
        <source>Choose email or SMS.</source>
        <translation>Elija correo electrónico o SMS.</translation>
    </message>
    <message>
        <source>Keep the subject on one line.</source>
        <translation>Escriba el asunto en una sola línea.</translation>
    </message>
    <message>
        <source>A text message can have at most {maximum:,} characters; this one has {count:,}.</source>
        <translation>Un mensaje de texto puede tener como máximo {maximum:,} caracteres; este tiene {count:,}.</translation>
    </message>
    <message>
        <source>Add at least one email address to notify.</source>
        <translation>Agregue al menos una dirección de correo electrónico a la cual notificar.</translation>
    </message>
    <message>
        <source>Add at least one phone number to notify.</source>
        <translation>Agregue al menos un número de teléfono al cual notificar.</translation>
    </message>
    <message>
        <source>Keep this on one line.</source>
        <translation>Escríbalo en una sola línea.</translation>
    </message>
    <message>
        <source>Enter the ticket id (it looks like tic_…).</source>
        <translation>Escriba el ID del ticket (tiene la forma tic_…).</translation>
    </message>
    <message>
        <source>A ticket id cannot contain “{character}”.</source>
        <translation>Un ID de ticket no puede contener «{character}».</translation>
    </message>
    <message>
        <source>A ticket id cannot contain line breaks or control characters.</source>
        <translation>Un ID de ticket no puede contener saltos de línea ni caracteres de control.</translation>
    </message>
    <message>
        <source>A ticket id cannot contain spaces.</source>
        <translation>Un ID de ticket no puede contener espacios.</translation>
    </message>
    <message>
        <source>A ticket id cannot be “.” or “..”.</source>
        <translation>Un ID de ticket no puede ser «.» ni «..».</translation>
    </message>
</context>
</TS>
