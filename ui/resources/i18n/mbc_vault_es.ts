<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AboutMeBox</name>
    <message>
        <source>About me</source>
        <translation>Sobre mí</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Cambiar…</translation>
    </message>
    <message>
        <source>Change my date of birth and name</source>
        <translation>Cambiar mi fecha de nacimiento y mi nombre</translation>
    </message>
    <message>
        <source>Date of birth: not recorded</source>
        <translation>Fecha de nacimiento: sin anotar</translation>
    </message>
    <message>
        <source>Date of birth: {0}</source>
        <translation>Fecha de nacimiento: {0}</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>sin anotar</translation>
    </message>
    <message>
        <source>Name on the packet: {0}</source>
        <translation>Nombre en el paquete: {0}</translation>
    </message>
</context>
<context>
    <name>AddPersonDialog</name>
    <message>
        <source>Add a person</source>
        <extracomment>scrypt work factor for passphrases typed here (tests lower it)</extracomment>
        <translation>Añadir a una persona</translation>
    </message>
    <message>
        <source>Someone you trust, such as your partner or an adult child, can open this vault on their own computer with a copy of the folder. They see only the parts you choose.</source>
        <translation>Alguien de su confianza, como su pareja o un hijo o una hija adultos, puede abrir esta bóveda en su propio ordenador con una copia de la carpeta. Solo verá las partes que usted elija.</translation>
    </message>
    <message>
        <source>Their name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <source>e.g. Sam Example</source>
        <translation>p. ej., Sam Ejemplo</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Relación</translation>
    </message>
    <message>
        <source>e.g. husband, daughter, friend</source>
        <translation>p. ej., esposo, hija, amiga</translation>
    </message>
    <message>
        <source>Their name:</source>
        <translation>Su nombre:</translation>
    </message>
    <message>
        <source>Relationship:</source>
        <translation>Relación:</translation>
    </message>
    <message>
        <source>What they may see</source>
        <translation>Qué puede ver</translation>
    </message>
    <message>
        <source>How they will unlock</source>
        <translation>Cómo desbloqueará la bóveda</translation>
    </message>
    <message>
        <source>Give them a one-time setup code (they choose their own passphrase the first time)</source>
        <translation>Darle un código de configuración de un solo uso (elegirá su propia frase de contraseña la primera vez)</translation>
    </message>
    <message>
        <source>They type their passphrase here now</source>
        <translation>Escribe ahora aquí su frase de contraseña</translation>
    </message>
    <message>
        <source>Their passphrase</source>
        <translation>Su frase de contraseña</translation>
    </message>
    <message>
        <source>Their passphrase again</source>
        <translation>Su frase de contraseña otra vez</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Frase de contraseña:</translation>
    </message>
    <message>
        <source>Passphrase again:</source>
        <translation>Repita la frase de contraseña:</translation>
    </message>
    <message>
        <source>Adding the person</source>
        <translation>Añadiendo a la persona</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>Añadir persona</translation>
    </message>
    <message>
        <source>Choose at least one part they may see.</source>
        <translation>Elija al menos una parte que pueda ver.</translation>
    </message>
</context>
<context>
    <name>AllergyCategories</name>
    <message>
        <source>Medicine</source>
        <translation>Medicamento</translation>
    </message>
    <message>
        <source>Food</source>
        <translation>Alimento</translation>
    </message>
    <message>
        <source>Environment (pollen, latex, animals...)</source>
        <translation>Ambiente (polen, látex, animales...)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
</context>
<context>
    <name>AllergyKinds</name>
    <message>
        <source>Allergy</source>
        <translation>Alergia</translation>
    </message>
    <message>
        <source>Intolerance (side effect, not an allergy)</source>
        <translation>Intolerancia (efecto secundario, no una alergia)</translation>
    </message>
</context>
<context>
    <name>AllergyStatus</name>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactiva</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelta</translation>
    </message>
</context>
<context>
    <name>AppointmentsSection</name>
    <message>
        <source>Appointments</source>
        <translation>Citas</translation>
    </message>
    <message>
        <source>Coming up</source>
        <translation>Próximas</translation>
    </message>
    <message>
        <source>Past</source>
        <translation>Pasadas</translation>
    </message>
    <message>
        <source>Show the appointments coming up</source>
        <translation>Mostrar las próximas citas</translation>
    </message>
    <message>
        <source>Show past appointments</source>
        <translation>Mostrar las citas pasadas</translation>
    </message>
    <message>
        <source>Export appointments (.ics)…</source>
        <translation>Exportar citas (.ics)…</translation>
    </message>
    <message>
        <source>Export all appointments as a calendar file</source>
        <translation>Exportar todas las citas como archivo de calendario</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>With whom</source>
        <translation>Con quién</translation>
    </message>
    <message>
        <source>What for</source>
        <translation>Para qué</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Open questions</source>
        <translation>Preguntas pendientes</translation>
    </message>
    <message>
        <source>There are no appointments to export yet.</source>
        <translation>Todavía no hay citas para exportar.</translation>
    </message>
    <message>
        <source>Export appointments</source>
        <translation>Exportar citas</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>Calendario (*.ics)</translation>
    </message>
    <message>
        <source>Saved {0} appointment(s) to {1}. It is not encrypted; your calendar program can import it.</source>
        <translation>Citas guardadas en {1}: {0}. El archivo no está cifrado; su programa de calendario puede importarlo.</translation>
    </message>
</context>
<context>
    <name>BiopsySites</name>
    <message>
        <source>Primary breast tumor</source>
        <translation>Tumor primario de mama</translation>
    </message>
    <message>
        <source>Breast (recurrence)</source>
        <translation>Mama (recurrencia)</translation>
    </message>
    <message>
        <source>Liver</source>
        <translation>Hígado</translation>
    </message>
    <message>
        <source>Bone</source>
        <translation>Hueso</translation>
    </message>
    <message>
        <source>Lung</source>
        <translation>Pulmón</translation>
    </message>
    <message>
        <source>Brain</source>
        <translation>Cerebro</translation>
    </message>
    <message>
        <source>Lymph node</source>
        <translation>Ganglio linfático</translation>
    </message>
    <message>
        <source>Skin</source>
        <translation>Piel</translation>
    </message>
    <message>
        <source>Pleural fluid</source>
        <translation>Líquido pleural</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
</context>
<context>
    <name>BrcaResults</name>
    <message>
        <source>Germline BRCA1 mutation</source>
        <translation>Mutación germinal de BRCA1</translation>
    </message>
    <message>
        <source>Germline BRCA2 mutation</source>
        <translation>Mutación germinal de BRCA2</translation>
    </message>
    <message>
        <source>No germline BRCA mutation</source>
        <translation>Sin mutación germinal de BRCA</translation>
    </message>
    <message>
        <source>Not tested / not known</source>
        <translation>No analizado / no se sabe</translation>
    </message>
</context>
<context>
    <name>BuildPage</name>
    <message>
        <source>Step {0} of {1}: build and look it over</source>
        <translation>Paso {0} de {1}: crear y revisar</translation>
    </message>
    <message>
        <source>Very large packet</source>
        <translation>Paquete muy grande</translation>
    </message>
    <message>
        <source>&amp;Save packet…</source>
        <translation>&amp;Guardar el paquete…</translation>
    </message>
    <message>
        <source>Save the packet where you choose</source>
        <translation>Guardar el paquete donde usted elija</translation>
    </message>
    <message>
        <source>This PDF will not be encrypted: anyone who gets the file can read it. It is written only where you choose. To protect it for email, go back and set a password.</source>
        <translation>Este PDF no estará cifrado: cualquier persona que reciba el archivo podrá leerlo. Solo se guarda donde usted elija. Para protegerlo antes de enviarlo por correo, vuelva atrás y ponga una contraseña.</translation>
    </message>
    <message>
        <source>Building progress</source>
        <translation>Progreso de la creación</translation>
    </message>
    <message>
        <source>Cancel building</source>
        <translation>Cancelar la creación</translation>
    </message>
    <message>
        <source>These documents cannot be included. Nothing was saved yet. Leave them out and build the rest, or stop and fix them first (for example, import a clean copy).</source>
        <translation>Estos documentos no se pueden incluir. Todavía no se ha guardado nada. Puede dejarlos fuera y crear el resto, o detenerse y arreglarlos primero (por ejemplo, importando una copia en buen estado).</translation>
    </message>
    <message>
        <source>Documents that cannot be included</source>
        <translation>Documentos que no se pueden incluir</translation>
    </message>
    <message>
        <source>&amp;Leave them out</source>
        <translation>&amp;Dejarlos fuera</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>De&amp;tenerse</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>The packet appears here once it is built, so you can look it over.</source>
        <translation>El paquete aparecerá aquí cuando esté creado, para que pueda revisarlo.</translation>
    </message>
    <message>
        <source>{0} documents</source>
        <translation>{0} documentos</translation>
    </message>
    <message>
        <source>care summary</source>
        <translation>resumen de atención</translation>
    </message>
    <message>
        <source>no care summary</source>
        <translation>sin resumen de atención</translation>
    </message>
    <message>
        <source>question list</source>
        <translation>lista de preguntas</translation>
    </message>
    <message>
        <source>care priorities</source>
        <translation>prioridades de atención</translation>
    </message>
    <message>
        <source>materials sheet</source>
        <translation>hoja de materiales</translation>
    </message>
    <message>
        <source>password-protected (AES-256)</source>
        <translation>protegido con contraseña (AES-256)</translation>
    </message>
    <message>
        <source>no password</source>
        <translation>sin contraseña</translation>
    </message>
    <message>
        <source>For {0}: </source>
        <translation>Para {0}: </translation>
    </message>
    <message>
        <source>{0} MB</source>
        <translation>{0} MB</translation>
    </message>
    <message>
        <source>“{0}” (1 page, {1})</source>
        <translation>«{0}» (1 página, {1})</translation>
    </message>
    <message>
        <source>“{0}” ({1} pages, {2})</source>
        <translation>«{0}» ({1} páginas, {2})</translation>
    </message>
    <message>
        <source>This packet is very large: {0} pages, {1}. It may be slow to build and too big to email. The biggest documents: {2}. To leave some out, go back to step 2; or build it anyway.</source>
        <translation>Este paquete es muy grande: {0} páginas, {1}. Puede tardar en crearse y ser demasiado grande para enviarlo por correo. Los documentos más grandes: {2}. Para dejar alguno fuera, vuelva al paso 2; o créelo de todos modos.</translation>
    </message>
    <message>
        <source>Second opinion packet</source>
        <translation>Paquete para segunda opinión</translation>
    </message>
    <message>
        <source>Save the packet</source>
        <translation>Guardar el paquete</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Building…</source>
        <translation>Creando…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Empezando…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
    <message>
        <source>No packet was saved.</source>
        <translation>No se guardó ningún paquete.</translation>
    </message>
    <message>
        <source>The packet could not be built: {0}</source>
        <translation>No se pudo crear el paquete: {0}</translation>
    </message>
    <message>
        <source>Building stopped. Nothing was saved.</source>
        <translation>Se detuvo la creación. No se guardó nada.</translation>
    </message>
    <message>
        <source>“{0}”: {1}</source>
        <translation>“{0}”: {1}</translation>
    </message>
    <message>
        <source>Nothing was saved yet.</source>
        <translation>Todavía no se ha guardado nada.</translation>
    </message>
    <message>
        <source>Stopped. Nothing was saved.</source>
        <translation>Detenido. No se guardó nada.</translation>
    </message>
    <message>
        <source>Stopped. Nothing was saved. You can change the documents on step 2 and build again.</source>
        <translation>Detenido. No se guardó nada. Puede cambiar los documentos en el paso 2 y crearlo de nuevo.</translation>
    </message>
    <message>
        <source>Built: {0} pages. Look it over; nothing is saved yet. Press “Save packet…” to write it where you choose.</source>
        <translation>Listo: {0} páginas. Revíselo; todavía no se ha guardado nada. Pulse “Guardar el paquete…” para guardarlo donde usted elija.</translation>
    </message>
    <message>
        <source>Left out: {0}.</source>
        <translation>Quedaron fuera: {0}.</translation>
    </message>
    <message>
        <source>It opens only with the password.</source>
        <translation>Solo se abre con la contraseña.</translation>
    </message>
    <message>
        <source>It is not encrypted: keep it safe and delete it when it has been sent.</source>
        <translation>No está cifrado: guárdelo en un lugar seguro y bórrelo cuando lo haya enviado.</translation>
    </message>
    <message>
        <source>If something is not right, go Back, change it and build again; nothing is written until you save.</source>
        <translation>Si algo no está bien, vuelva Atrás, cámbielo y vuelva a crearlo; no se escribe nada hasta que lo guarde.</translation>
    </message>
    <message>
        <source>The packet could not be saved there ({0}); choose another folder.</source>
        <translation>No se pudo guardar el paquete ahí ({0}); elija otra carpeta.</translation>
    </message>
    <message>
        <source>Saved as {0}.</source>
        <translation>Guardado como {0}.</translation>
    </message>
    <message>
        <source>B&amp;uild the packet</source>
        <translation>&amp;Crear el paquete</translation>
    </message>
</context>
<context>
    <name>CancerForms</name>
    <message>
        <source>First breast cancer diagnosis:</source>
        <translation>Primer diagnóstico de cáncer de mama:</translation>
    </message>
    <message>
        <source>Metastatic disease found:</source>
        <translation>Diagnóstico de enfermedad metastásica:</translation>
    </message>
    <message>
        <source>De novo or recurrence:</source>
        <translation>De novo o recurrencia:</translation>
    </message>
    <message>
        <source>Histology:</source>
        <translation>Histología:</translation>
    </message>
    <message>
        <source>Histology (if other):</source>
        <translation>Histología (si es otra):</translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation>Sexo:</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Localización:</translation>
    </message>
    <message>
        <source>Site (if other):</source>
        <translation>Localización (si es otra):</translation>
    </message>
    <message>
        <source>Date found:</source>
        <translation>Fecha en que se detectó:</translation>
    </message>
    <message>
        <source>Shown by (scan or biopsy):</source>
        <translation>Detectada por (estudio de imagen o biopsia):</translation>
    </message>
    <message>
        <source>e.g. CT chest/abdomen/pelvis, liver biopsy</source>
        <translation>p. ej., TC de tórax, abdomen y pelvis; biopsia de hígado</translation>
    </message>
    <message>
        <source>0 to 100</source>
        <translation>de 0 a 100</translation>
    </message>
    <message>
        <source>Biopsy date:</source>
        <translation>Fecha de la biopsia:</translation>
    </message>
    <message>
        <source>Where the biopsy was taken:</source>
        <translation>Dónde se tomó la biopsia:</translation>
    </message>
    <message>
        <source>ER (estrogen receptor):</source>
        <translation>RE (receptor de estrógeno):</translation>
    </message>
    <message>
        <source>ER percent:</source>
        <translation>Porcentaje de RE:</translation>
    </message>
    <message>
        <source>PR (progesterone receptor):</source>
        <translation>RP (receptor de progesterona):</translation>
    </message>
    <message>
        <source>PR percent:</source>
        <translation>Porcentaje de RP:</translation>
    </message>
    <message>
        <source>HER2 by IHC:</source>
        <translation>HER2 por IHQ:</translation>
    </message>
    <message>
        <source>HER2 by ISH (FISH):</source>
        <translation>HER2 por ISH (FISH):</translation>
    </message>
    <message>
        <source>Ki-67 percent:</source>
        <translation>Porcentaje de Ki-67:</translation>
    </message>
    <message>
        <source>PD-L1:</source>
        <translation>PD-L1:</translation>
    </message>
    <message>
        <source>as on the report, e.g. CPS 12</source>
        <translation>como figura en el informe, p. ej., CPS 12</translation>
    </message>
    <message>
        <source>Germline BRCA1/2:</source>
        <translation>BRCA1/2 germinal:</translation>
    </message>
    <message>
        <source>NTRK fusion:</source>
        <translation>Fusión de NTRK:</translation>
    </message>
    <message>
        <source>Other results:</source>
        <translation>Otros resultados:</translation>
    </message>
    <message>
        <source>one per line, e.g. AKT1: not detected</source>
        <translation>uno por línea, p. ej., AKT1: no detectado</translation>
    </message>
    <message>
        <source>Part of the trial:</source>
        <translation>Parte del ensayo:</translation>
    </message>
    <message>
        <source>Line number:</source>
        <translation>Número de línea:</translation>
    </message>
    <message>
        <source>Drugs of the regimen:</source>
        <translation>Medicamentos del esquema:</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>Inicio:</translation>
    </message>
    <message>
        <source>Stopped:</source>
        <translation>Fin:</translation>
    </message>
    <message>
        <source>leave empty while you are still on it</source>
        <translation>déjelo vacío mientras siga con este tratamiento</translation>
    </message>
    <message>
        <source>Setting:</source>
        <translation>Contexto:</translation>
    </message>
    <message>
        <source>Clinical trial identifier:</source>
        <translation>Identificador del ensayo:</translation>
    </message>
    <message>
        <source>e.g. NCT01234567</source>
        <translation>p. ej., NCT01234567</translation>
    </message>
    <message>
        <source>Best response:</source>
        <translation>Mejor respuesta:</translation>
    </message>
    <message>
        <source>Reason stopped:</source>
        <translation>Motivo de la suspensión:</translation>
    </message>
    <message>
        <source>Reason (if other):</source>
        <translation>Motivo (si es otro):</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Dose:</source>
        <translation>Dosis:</translation>
    </message>
    <message>
        <source>e.g. 2.5 mg</source>
        <translation>p. ej., 2,5 mg</translation>
    </message>
    <message>
        <source>When and how often:</source>
        <translation>Cuándo y con qué frecuencia:</translation>
    </message>
    <message>
        <source>e.g. once a day with food</source>
        <translation>p. ej., una vez al día con comida</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <source>What it is for:</source>
        <translation>Para qué es:</translation>
    </message>
    <message>
        <source>Prescribed by:</source>
        <translation>Recetado por:</translation>
    </message>
    <message>
        <source>Part of my cancer treatment:</source>
        <translation>Parte de mi tratamiento del cáncer:</translation>
    </message>
    <message>
        <source>How it is taken:</source>
        <translation>Cómo se toma:</translation>
    </message>
    <message>
        <source>e.g. by mouth, injection, infusion</source>
        <translation>p. ej., por boca, inyección, infusión</translation>
    </message>
</context>
<context>
    <name>CancerSection</name>
    <message>
        <source>My cancer</source>
        <translation>Mi cáncer</translation>
    </message>
    <message>
        <source>No diagnosis recorded yet.</source>
        <translation>Todavía no hay un diagnóstico registrado.</translation>
    </message>
    <message>
        <source>Edit diagnosis…</source>
        <translation>Editar diagnóstico…</translation>
    </message>
    <message>
        <source>Edit the diagnosis</source>
        <translation>Editar el diagnóstico</translation>
    </message>
    <message>
        <source>Sites of metastasis</source>
        <translation>Localizaciones de las metástasis</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Localización</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Detectada</translation>
    </message>
    <message>
        <source>Shown by</source>
        <translation>Detectada por</translation>
    </message>
    <message>
        <source>Biopsies and biomarkers</source>
        <translation>Biopsias y biomarcadores</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Subtype</source>
        <translation>Subtipo</translation>
    </message>
    <message>
        <source>The {0} biopsy of {1} differs from the primary tumor: {2}</source>
        <translation>La biopsia de {0} del {1} es distinta del tumor primario: {2}</translation>
    </message>
    <message>
        <source>{0} (HER2-low)</source>
        <translation>{0} (HER2 bajo)</translation>
    </message>
    <message>
        <source>HR+/HER2-</source>
        <translation>RH+/HER2-</translation>
    </message>
    <message>
        <source>HER2+</source>
        <translation>HER2+</translation>
    </message>
    <message>
        <source>Triple-negative</source>
        <translation>Triple negativo</translation>
    </message>
    <message>
        <source>Not known yet</source>
        <translation>Aún no se sabe</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>positivo</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>negativo</translation>
    </message>
    <message>
        <source>{0} changed from {1} to {2}.</source>
        <translation>{0} pasó de {1} a {2}.</translation>
    </message>
    <message>
        <source>HER2-low changed: now HER2-low.</source>
        <translation>HER2 bajo cambió: ahora es HER2 bajo.</translation>
    </message>
    <message>
        <source>HER2-low changed: no longer HER2-low.</source>
        <translation>HER2 bajo cambió: ya no es HER2 bajo.</translation>
    </message>
    <message>
        <source>The subtype changed from {0} to {1}.</source>
        <translation>El subtipo pasó de {0} a {1}.</translation>
    </message>
    <message>
        <source>first diagnosed {0}</source>
        <translation>primer diagnóstico: {0}</translation>
    </message>
    <message>
        <source>metastatic since {0}</source>
        <translation>metastásico desde {0}</translation>
    </message>
    <message>
        <source>Diagnosis recorded without details.</source>
        <translation>Diagnóstico registrado sin detalles.</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnóstico</translation>
    </message>
</context>
<context>
    <name>CareForms</name>
    <message>
        <source>Date:</source>
        <translation>Fecha:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Hora:</translation>
    </message>
    <message>
        <source>24-hour clock, e.g. 09:30 or 14:15; leave empty if you do not know</source>
        <translation>formato de 24 horas, p. ej., 09:30 o 14:15; déjelo vacío si no la sabe</translation>
    </message>
    <message>
        <source>Length in minutes:</source>
        <translation>Duración en minutos:</translation>
    </message>
    <message>
        <source>With whom:</source>
        <translation>Con quién:</translation>
    </message>
    <message>
        <source>Pick someone from your care team, or type a name</source>
        <translation>Elija a alguien de su equipo de atención o escriba un nombre</translation>
    </message>
    <message>
        <source>What it is for:</source>
        <translation>Para qué es:</translation>
    </message>
    <message>
        <source>e.g. scan results, infusion, second opinion</source>
        <translation>p. ej., resultados de estudios, infusión, segunda opinión</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Dónde:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notas:</translation>
    </message>
    <message>
        <source>e.g. bring the medication list, fast from midnight</source>
        <translation>p. ej., llevar la lista de medicamentos, ayuno desde la medianoche</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>a person, or an office such as “Infusion center”</source>
        <translation>una persona, o un servicio como “Centro de infusión”</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Función:</translation>
    </message>
    <message>
        <source>Role (if other):</source>
        <translation>Función (si es otra):</translation>
    </message>
    <message>
        <source>Hospital or practice:</source>
        <translation>Hospital o consultorio:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Teléfono:</translation>
    </message>
    <message>
        <source>After-hours phone:</source>
        <translation>Teléfono fuera de horario:</translation>
    </message>
    <message>
        <source>Fax:</source>
        <translation>Fax:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>Correo electrónico:</translation>
    </message>
    <message>
        <source>Patient portal:</source>
        <translation>Portal del paciente:</translation>
    </message>
    <message>
        <source>its web address or name</source>
        <translation>su dirección web o su nombre</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Dirección:</translation>
    </message>
    <message>
        <source>Call them about:</source>
        <translation>Motivos para llamar:</translation>
    </message>
    <message>
        <source>e.g. fever over 38 °C, new pain, questions about treatment</source>
        <translation>p. ej., fiebre de más de 38 °C, un dolor nuevo, preguntas sobre el tratamiento</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>Date signed:</source>
        <translation>Fecha de firma:</translation>
    </message>
    <message>
        <source>Review by:</source>
        <translation>Revisar antes de:</translation>
    </message>
    <message>
        <source>a date to check that it still says what you want</source>
        <translation>una fecha para comprobar que sigue diciendo lo que usted quiere</translation>
    </message>
    <message>
        <source>Where the original is kept:</source>
        <translation>Dónde se guarda el original:</translation>
    </message>
    <message>
        <source>Who has copies:</source>
        <translation>Quién tiene copias:</translation>
    </message>
    <message>
        <source>Who they are to me:</source>
        <translation>Quién es para mí:</translation>
    </message>
    <message>
        <source>e.g. brother, friend, manager at work</source>
        <translation>p. ej., hermano, amiga, jefe en el trabajo</translation>
    </message>
    <message>
        <source>I have told them:</source>
        <translation>Ya se lo conté:</translation>
    </message>
    <message>
        <source>When I told them:</source>
        <translation>Cuándo se lo conté:</translation>
    </message>
    <message>
        <source>What I want them to know:</source>
        <translation>Lo que quiero que sepa:</translation>
    </message>
    <message>
        <source>Who else may tell them:</source>
        <translation>Quién más puede contárselo:</translation>
    </message>
    <message>
        <source>if you would rather someone else did</source>
        <translation>si prefiere que lo haga otra persona</translation>
    </message>
    <message>
        <source>Trial identifier:</source>
        <translation>Identificador del ensayo:</translation>
    </message>
    <message>
        <source>e.g. NCT01234567</source>
        <translation>p. ej., NCT01234567</translation>
    </message>
    <message>
        <source>Title of the trial:</source>
        <translation>Título del ensayo:</translation>
    </message>
    <message>
        <source>Where it runs:</source>
        <translation>Dónde se realiza:</translation>
    </message>
    <message>
        <source>Trial contact:</source>
        <translation>Contacto del ensayo:</translation>
    </message>
    <message>
        <source>the research nurse or coordinator, with a phone or email</source>
        <translation>el personal de enfermería o de coordinación del estudio, con teléfono o correo electrónico</translation>
    </message>
    <message>
        <source>Where I am with it:</source>
        <translation>En qué punto estoy:</translation>
    </message>
    <message>
        <source>Eligibility notes:</source>
        <translation>Notas sobre los requisitos:</translation>
    </message>
    <message>
        <source>what the trial asks for, and what you were told</source>
        <translation>lo que pide el ensayo y lo que le dijeron</translation>
    </message>
    <message>
        <source>This file will not be encrypted: anyone who can open your computer&apos;s files can read it. Print or share it, then delete it if you no longer need it.</source>
        <translation>Este archivo no estará cifrado: cualquier persona que pueda abrir los archivos de su computadora podrá leerlo. Imprímalo o compártalo y después bórrelo si ya no lo necesita.</translation>
    </message>
</context>
<context>
    <name>CareRoles</name>
    <message>
        <source>Medical oncologist</source>
        <translation>Oncólogo clínico</translation>
    </message>
    <message>
        <source>Surgical oncologist</source>
        <translation>Cirujano oncólogo</translation>
    </message>
    <message>
        <source>Radiation oncologist</source>
        <translation>Oncólogo radioterapeuta</translation>
    </message>
    <message>
        <source>Radiologist</source>
        <translation>Radiólogo</translation>
    </message>
    <message>
        <source>Pathologist</source>
        <translation>Patólogo</translation>
    </message>
    <message>
        <source>Nurse navigator</source>
        <translation>Enfermera gestora de casos</translation>
    </message>
    <message>
        <source>Oncology nurse</source>
        <translation>Enfermera de oncología</translation>
    </message>
    <message>
        <source>Social worker</source>
        <translation>Trabajador social</translation>
    </message>
    <message>
        <source>Genetic counselor</source>
        <translation>Asesor genético</translation>
    </message>
    <message>
        <source>Pharmacist</source>
        <translation>Farmacéutico</translation>
    </message>
    <message>
        <source>Dietitian</source>
        <translation>Dietista</translation>
    </message>
    <message>
        <source>Palliative care</source>
        <translation>Cuidados paliativos</translation>
    </message>
    <message>
        <source>Primary care</source>
        <translation>Atención primaria</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otra</translation>
    </message>
</context>
<context>
    <name>CareTeamSection</name>
    <message>
        <source>Care team</source>
        <translation>Equipo de atención</translation>
    </message>
    <message>
        <source>The people who look after you, how to reach them and what to call them about. A printed sheet by the phone helps family and friends too.</source>
        <translation>Las personas que le atienden, cómo comunicarse con ellas y por qué motivos llamarlas. Una hoja impresa junto al teléfono también ayuda a su familia y amistades.</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>Hospital or practice</source>
        <translation>Hospital o consultorio</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Call them about</source>
        <translation>Motivos para llamar</translation>
    </message>
    <message>
        <source>Save contact sheet as PDF…</source>
        <translation>Guardar hoja de contactos como PDF…</translation>
    </message>
    <message>
        <source>Save the care team contact sheet as a PDF to print</source>
        <translation>Guardar la hoja de contactos del equipo de atención como PDF para imprimir</translation>
    </message>
    <message>
        <source>Save contact sheet</source>
        <translation>Guardar la hoja de contactos</translation>
    </message>
    <message>
        <source>Saved {0}. It is not encrypted.</source>
        <translation>Se guardó {0}. El archivo no está cifrado.</translation>
    </message>
</context>
<context>
    <name>Categories</name>
    <message>
        <source>Pathology report</source>
        <translation>Informe de patología</translation>
    </message>
    <message>
        <source>Imaging report</source>
        <translation>Informe de imagenología</translation>
    </message>
    <message>
        <source>Lab result</source>
        <translation>Resultado de laboratorio</translation>
    </message>
    <message>
        <source>Genomic test</source>
        <translation>Prueba genómica</translation>
    </message>
    <message>
        <source>Treatment plan</source>
        <translation>Plan de tratamiento</translation>
    </message>
    <message>
        <source>Operative report</source>
        <translation>Informe quirúrgico</translation>
    </message>
    <message>
        <source>Discharge summary</source>
        <translation>Resumen de alta</translation>
    </message>
    <message>
        <source>Clinical note</source>
        <translation>Nota clínica</translation>
    </message>
    <message>
        <source>Other medical record</source>
        <translation>Otro registro médico</translation>
    </message>
    <message>
        <source>Will</source>
        <translation>Testamento</translation>
    </message>
    <message>
        <source>Living will</source>
        <translation>Testamento vital</translation>
    </message>
    <message>
        <source>Power of attorney</source>
        <translation>Poder notarial</translation>
    </message>
    <message>
        <source>Advance directive</source>
        <translation>Directiva anticipada</translation>
    </message>
    <message>
        <source>Health care proxy</source>
        <translation>Representante de atención médica</translation>
    </message>
    <message>
        <source>POLST / DNR order</source>
        <translation>Orden POLST / de no reanimar</translation>
    </message>
    <message>
        <source>Insurance policy</source>
        <translation>Póliza de seguro</translation>
    </message>
    <message>
        <source>Financial document</source>
        <translation>Documento financiero</translation>
    </message>
    <message>
        <source>Employment document</source>
        <translation>Documento laboral</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <source>Care team contact</source>
        <translation>Contacto del equipo de atención</translation>
    </message>
    <message>
        <source>People to tell</source>
        <translation>Personas a quienes contarlo</translation>
    </message>
    <message>
        <source>Care priorities</source>
        <translation>Prioridades de atención</translation>
    </message>
    <message>
        <source>Other care note</source>
        <translation>Otra nota de atención</translation>
    </message>
</context>
<context>
    <name>ChangeAccessDialog</name>
    <message>
        <source>What {0} may see</source>
        <translation>Qué puede ver {0}</translation>
    </message>
    <message>
        <source>Change the keys of the parts taken away (recommended: a copy they made earlier would otherwise still open the old files)</source>
        <translation>Cambiar las claves de las partes retiradas (recomendado: si no, una copia que haya hecho antes seguiría abriendo los archivos antiguos)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Choose at least one part, or remove the person instead.</source>
        <translation>Elija al menos una parte, o quite a la persona.</translation>
    </message>
</context>
<context>
    <name>ChartedEntriesSection</name>
    <message>
        <source>Lines of treatment shown as bands</source>
        <translation>Líneas de tratamiento mostradas como franjas</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>Mover a la papelera</translation>
    </message>
    <message>
        <source>Saved {0}.</source>
        <translation>Se guardó {0}.</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>since {0}</source>
        <translation>desde {0}</translation>
    </message>
    <message>
        <source>{0} to {1}</source>
        <translation>{0} a {1}</translation>
    </message>
    <message>
        <source>Line {0}</source>
        <translation>Línea {0}</translation>
    </message>
    <message>
        <source>Line {0}: {1}</source>
        <translation>Línea {0}: {1}</translation>
    </message>
</context>
<context>
    <name>ChecklistPage</name>
    <message>
        <source>Step {0} of {1}: what centers usually ask for</source>
        <translation>Paso {0} de {1}: lo que suelen pedir los centros</translation>
    </message>
    <message>
        <source>A second-opinion center usually asks for these records. Here is what your vault already holds.</source>
        <translation>Un centro de segunda opinión suele pedir estos documentos. Aquí tiene lo que su bóveda ya contiene.</translation>
    </message>
    <message>
        <source>Checklist of records centers usually ask for</source>
        <translation>Lista de los documentos que suelen pedir los centros</translation>
    </message>
    <message>
        <source>What is missing</source>
        <translation>Lo que falta</translation>
    </message>
    <message>
        <source>Good to know: centers usually need records in English (ask for translations early), and they need the scans themselves on a disc (CD or DVD) from the imaging department, not only the reports. Pathology slides or blocks are sent by the hospital that keeps them.</source>
        <translation>Conviene saber: los centros suelen necesitar los documentos en inglés (pida las traducciones con tiempo) y necesitan las imágenes mismas en un disco (CD o DVD) del servicio de radiología, no solo los informes. Las laminillas o bloques de patología los envía el hospital que los guarda.</translation>
    </message>
    <message>
        <source>in the vault</source>
        <translation>en la bóveda</translation>
    </message>
    <message>
        <source>in the vault, but not recent</source>
        <translation>en la bóveda, pero no reciente</translation>
    </message>
    <message>
        <source>not in the vault</source>
        <translation>no está en la bóveda</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>falta</translation>
    </message>
    <message>
        <source>Worth asking for before you send:</source>
        <translation>Conviene pedirlo antes de enviar:</translation>
    </message>
</context>
<context>
    <name>ChoosePassphraseDialog</name>
    <message>
        <source>Choose your passphrase</source>
        <translation>Elija su frase de contraseña</translation>
    </message>
    <message>
        <source>Welcome, {0}</source>
        <translation>Le damos la bienvenida, {0}</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Le damos la bienvenida</translation>
    </message>
    <message>
        <source>The setup code you were given works only this once. Choose a passphrase of your own: you will type it every time you open this vault.</source>
        <translation>El código de configuración que recibió solo sirve esta vez. Elija su propia frase de contraseña: la escribirá cada vez que abra esta bóveda.</translation>
    </message>
    <message>
        <source>Change my passphrase</source>
        <translation>Cambiar mi frase de contraseña</translation>
    </message>
    <message>
        <source>From now on this vault opens with the new passphrase, for you only. The old one stops working on this vault.</source>
        <translation>Desde ahora esta bóveda se abre con la nueva frase de contraseña, solo para usted. La anterior deja de funcionar en esta bóveda.</translation>
    </message>
    <message>
        <source>Your new passphrase</source>
        <translation>Su nueva frase de contraseña</translation>
    </message>
    <message>
        <source>Your new passphrase again</source>
        <translation>Su nueva frase de contraseña otra vez</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>Nueva frase de contraseña:</translation>
    </message>
    <message>
        <source>Passphrase again:</source>
        <translation>Repita la frase de contraseña:</translation>
    </message>
    <message>
        <source>If you forget it, nobody can recover it for you: the owner of the vault would have to add you again. Write it down and keep it somewhere safe.</source>
        <translation>Si la olvida, nadie podrá recuperarla: la persona propietaria de la bóveda tendría que añadirle de nuevo. Anótela y guárdela en un lugar seguro.</translation>
    </message>
    <message>
        <source>Saving your passphrase</source>
        <translation>Guardando su frase de contraseña</translation>
    </message>
    <message>
        <source>Save my passphrase</source>
        <translation>Guardar mi frase de contraseña</translation>
    </message>
</context>
<context>
    <name>ConditionStatus</name>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>In remission</source>
        <translation>En remisión</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelta</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactiva</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Changed on two computers</source>
        <translation>Cambiado en dos computadoras</translation>
    </message>
    <message>
        <source>These records were changed on two computers before they synced. Both versions are kept; the newer one is shown. Compare them and choose the one to keep. Nothing is deleted: the other version stays in the vault&apos;s history.</source>
        <translation>Estos registros se cambiaron en dos computadoras antes de sincronizarse. Se guardan las dos versiones y se muestra la más reciente. Compárelas y elija la que quiere conservar. No se borra nada: la otra versión queda en el historial de la bóveda.</translation>
    </message>
    <message>
        <source>Records changed on two computers</source>
        <translation>Registros cambiados en dos computadoras</translation>
    </message>
    <message>
        <source>The versions side by side</source>
        <translation>Las versiones lado a lado</translation>
    </message>
    <message>
        <source>Nothing is waiting for a choice.</source>
        <translation>No hay nada pendiente de elegir.</translation>
    </message>
    <message>
        <source>Keep version {0} (shown now)</source>
        <translation>Conservar la versión {0} (la que se muestra)</translation>
    </message>
    <message>
        <source>Keep version {0}</source>
        <translation>Conservar la versión {0}</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Profesional o centro</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Cambiado</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Cambiado por</translation>
    </message>
    <message>
        <source>Version {0}</source>
        <translation>Versión {0}</translation>
    </message>
    <message>
        <source>Differences are in bold.</source>
        <translation>Las diferencias están en negrita.</translation>
    </message>
    <message>
        <source>Kept the version you chose of “{0}”.</source>
        <translation>Se conservó la versión que eligió de “{0}”.</translation>
    </message>
</context>
<context>
    <name>CoverPage</name>
    <message>
        <source>Step {0} of {1}: the cover sheet</source>
        <translation>Paso {0} de {1}: la portada</translation>
    </message>
    <message>
        <source>The first page the doctor reads. Only your name is required; the rest helps them help you.</source>
        <translation>Es la primera página que lee el médico. Solo su nombre es obligatorio; lo demás le ayuda a ayudarle.</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Phone, email or address</source>
        <translation>Teléfono, correo o dirección</translation>
    </message>
    <message>
        <source>For example: to review my options after progression</source>
        <translation>Por ejemplo: revisar mis opciones tras la progresión</translation>
    </message>
    <message>
        <source>The question that matters most</source>
        <translation>La pregunta que más le importa</translation>
    </message>
    <message>
        <source>A second question (optional)</source>
        <translation>Una segunda pregunta (opcional)</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>Su nombre:</translation>
    </message>
    <message>
        <source>Date of birth:</source>
        <translation>Fecha de nacimiento:</translation>
    </message>
    <message>
        <source>How to reach you:</source>
        <translation>Cómo contactarle:</translation>
    </message>
    <message>
        <source>Referring oncologist:</source>
        <translation>Oncólogo/a que le remite:</translation>
    </message>
    <message>
        <source>Center it is for:</source>
        <translation>Centro al que va dirigido:</translation>
    </message>
    <message>
        <source>Doctor it is for:</source>
        <translation>Médico al que va dirigido:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Fecha:</translation>
    </message>
    <message>
        <source>Reason for the second opinion:</source>
        <translation>Motivo de la segunda opinión:</translation>
    </message>
    <message>
        <source>Most important question:</source>
        <translation>Pregunta más importante:</translation>
    </message>
    <message>
        <source>Second question:</source>
        <translation>Segunda pregunta:</translation>
    </message>
    <message>
        <source>Please write your name: it goes on the cover and every page.</source>
        <translation>Por favor, escriba su nombre: aparece en la portada y en cada página.</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>fecha de nacimiento</translation>
    </message>
    <message>
        <source>date</source>
        <translation>fecha</translation>
    </message>
    <message>
        <source>Please write the {0} as year-month-day, for example 1971-04-02.</source>
        <translation>Por favor, escriba la {0} como año-mes-día, por ejemplo 1971-04-02.</translation>
    </message>
</context>
<context>
    <name>CreateVaultDialog</name>
    <message>
        <source>Create my vault</source>
        <translation>Crear mi bóveda</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <source>e.g. Jane Example</source>
        <translation>p. ej., Ana Ejemplo</translation>
    </message>
    <message>
        <source>Vault folder</source>
        <translation>Carpeta de la bóveda</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Choose the vault folder</source>
        <translation>Elegir la carpeta de la bóveda</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Repita la frase de contraseña</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>Su nombre:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Carpeta:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Frase de contraseña:</translation>
    </message>
    <message>
        <source>Passphrase again:</source>
        <translation>Repita la frase:</translation>
    </message>
    <message>
        <source>Important: if you forget this passphrase, nobody can open your vault, not even us. Write it down and keep it somewhere safe, like with your will.</source>
        <translation>Importante: si olvida esta frase de contraseña, nadie podrá abrir su bóveda, ni siquiera nosotros. Anótela y guárdela en un lugar seguro, por ejemplo, junto a su testamento.</translation>
    </message>
    <message>
        <source>Creating the vault</source>
        <translation>Creando la bóveda</translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation>Crear bóveda</translation>
    </message>
    <message>
        <source>Where should the vault folder go?</source>
        <translation>¿Dónde quiere guardar la carpeta de la bóveda?</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>Step {0} of {1}: choose and order the documents</source>
        <translation>Paso {0} de {1}: elegir y ordenar los documentos</translation>
    </message>
    <message>
        <source>The usual second-opinion set is already chosen, by kind: pathology, treatment plan, surgery and hospital stays, imaging, labs, genomic tests; newest first within each. Drag to change the order, or use Move up and Move down (Ctrl+Up, Ctrl+Down).</source>
        <translation>El conjunto habitual para una segunda opinión ya está elegido, por tipo: patología, plan de tratamiento, cirugías y hospitalizaciones, imágenes, análisis, pruebas genómicas; dentro de cada tipo, lo más reciente primero. Arrastre para cambiar el orden, o use Subir y Bajar (Ctrl+Arriba, Ctrl+Abajo).</translation>
    </message>
    <message>
        <source>In the packet, in this order:</source>
        <translation>En el paquete, en este orden:</translation>
    </message>
    <message>
        <source>Documents in the packet, in order</source>
        <translation>Documentos del paquete, en orden</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>S&amp;ubir</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>&amp;Bajar</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Use the usual set</source>
        <translation>Usar el conjunto habitual</translation>
    </message>
    <message>
        <source>Move the document up</source>
        <translation>Subir el documento</translation>
    </message>
    <message>
        <source>Move the document down</source>
        <translation>Bajar el documento</translation>
    </message>
    <message>
        <source>Remove the document from the packet</source>
        <translation>Quitar el documento del paquete</translation>
    </message>
    <message>
        <source>More documents from the vault:</source>
        <translation>Más documentos de la bóveda:</translation>
    </message>
    <message>
        <source>Type to find a document</source>
        <translation>Escriba para buscar un documento</translation>
    </message>
    <message>
        <source>Find a document to add</source>
        <translation>Buscar un documento para añadir</translation>
    </message>
    <message>
        <source>More documents from the vault</source>
        <translation>Más documentos de la bóveda</translation>
    </message>
    <message>
        <source>&amp;Add to the packet</source>
        <translation>Aña&amp;dir al paquete</translation>
    </message>
    <message>
        <source>Add the document to the packet</source>
        <translation>Añadir el documento al paquete</translation>
    </message>
</context>
<context>
    <name>DocumentsSection</name>
    <message>
        <source>Import documents…</source>
        <extracomment>how much of the typed search the results and the status line repeat a search hit of an entry was opened (Enter, a click): the window shows it in its section</extracomment>
        <translation>Importar documentos…</translation>
    </message>
    <message>
        <source>Import documents</source>
        <translation>Importar documentos</translation>
    </message>
    <message>
        <source>Search words in your records</source>
        <translation>Buscar palabras en sus registros</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Filter by category</source>
        <translation>Filtrar por categoría</translation>
    </message>
    <message>
        <source>Filter by tag</source>
        <translation>Filtrar por etiqueta</translation>
    </message>
    <message>
        <source>Show trash</source>
        <translation>Ver papelera</translation>
    </message>
    <message>
        <source>Show the trash</source>
        <translation>Ver la papelera</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>No documents yet. Click “Import documents…” or drag files here.</source>
        <translation>Todavía no hay documentos. Haga clic en “Importar documentos…” o arrastre archivos aquí.</translation>
    </message>
    <message>
        <source>Edit details…</source>
        <translation>Editar detalles…</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>Mover a la papelera</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Save a decrypted copy…</source>
        <translation>Guardar una copia sin cifrar…</translation>
    </message>
    <message>
        <source>medical records (reports, scans, lab results)</source>
        <translation>registros médicos (informes, pruebas de imagen, análisis)</translation>
    </message>
    <message>
        <source>care notes (appointments, questions, contacts)</source>
        <translation>notas de cuidados (citas, preguntas, contactos)</translation>
    </message>
    <message>
        <source>legal and money papers</source>
        <translation>papeles legales y económicos</translation>
    </message>
    <message>
        <source>This part was not shared with you: {0}. Only the documents you were given are listed.</source>
        <translation>Esta parte no se compartió con usted: {0}. Solo aparecen los documentos que le dieron.</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Categoría: todas</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Etiqueta: todas</translation>
    </message>
    <message>
        <source>Opening “{0}”…</source>
        <translation>Abriendo “{0}”…</translation>
    </message>
    <message>
        <source>“{0}” ({1}). Press Enter to open it in its own section.</source>
        <translation>«{0}» ({1}). Pulse Intro para abrirlo en su sección.</translation>
    </message>
    <message>
        <source>Recognizing text… you can keep working.</source>
        <translation>Reconociendo el texto… Puede seguir trabajando mientras tanto.</translation>
    </message>
    <message>
        <source>Recognizing text: {0} of {1} pages done… you can keep working.</source>
        <translation>Reconociendo el texto: {0} de {1} páginas hechas… Puede seguir trabajando mientras tanto.</translation>
    </message>
    <message>
        <source>The text of “{0}” can now be searched.</source>
        <translation>Ya se puede buscar en el texto de “{0}”.</translation>
    </message>
    <message>
        <source>Preparing search… (reading your records)</source>
        <translation>Preparando la búsqueda… (leyendo sus registros)</translation>
    </message>
    <message>
        <source>No matches for “{0}”. Did you mean “{1}”?</source>
        <translation>No hay coincidencias para «{0}». ¿Quería decir «{1}»?</translation>
    </message>
    <message>
        <source>Type a word to search.</source>
        <translation>Escriba una palabra para buscar.</translation>
    </message>
    <message>
        <source>Nothing found for “{0}”. Try fewer or shorter words.</source>
        <translation>No se encontró nada para «{0}». Pruebe con menos palabras o más cortas.</translation>
    </message>
    <message>
        <source>Only the parts shared with you are searched.</source>
        <translation>Solo se busca en las partes compartidas con usted.</translation>
    </message>
    <message>
        <source>Matches for “{0}”: {1}</source>
        <translation>Resultados para “{0}”: {1}</translation>
    </message>
    <message>
        <source>Back to documents</source>
        <translation>Volver a documentos</translation>
    </message>
    <message>
        <source>Choose documents to import</source>
        <translation>Elegir documentos para importar</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No se guardó</translation>
    </message>
    <message>
        <source>Saved “{0}”.</source>
        <translation>Se guardó “{0}”.</translation>
    </message>
    <message>
        <source>you</source>
        <translation>usted</translation>
    </message>
    <message>
        <source>Let more people see this record?</source>
        <translation>¿Permitir que más personas vean este registro?</translation>
    </message>
    <message>
        <source>Let {0} see “{1}”?</source>
        <translation>¿Mostrar “{1}” también a {0}?</translation>
    </message>
    <message>
        <source>Filed as “{0}”, it will be visible to: {1}.</source>
        <translation>Archivado como «{0}», lo podrán ver: {1}.</translation>
    </message>
    <message>
        <source>Save a decrypted copy</source>
        <translation>Guardar una copia sin cifrar</translation>
    </message>
    <message>
        <source>The copy will NOT be encrypted: anyone who can open that folder can read it. Delete it when you no longer need it. Continue?</source>
        <translation>La copia NO estará cifrada: cualquier persona que pueda abrir esa carpeta podrá leerla. Bórrela cuando ya no la necesite. ¿Desea continuar?</translation>
    </message>
    <message>
        <source>Saved to {0}.</source>
        <translation>Se guardó en {0}.</translation>
    </message>
    <message>
        <source>Arrow keys choose a document; it opens after a short pause, or at once with Enter.</source>
        <translation>Las flechas eligen un documento; se abre tras una breve pausa, o enseguida con Intro.</translation>
    </message>
    <message>
        <source>Search words in the parts shared with you</source>
        <translation>Buscar en lo compartido con usted</translation>
    </message>
    <message>
        <source>(only the parts shared with you are searched)</source>
        <translation>(solo se buscan las partes compartidas con usted)</translation>
    </message>
</context>
<context>
    <name>DrugClasses</name>
    <message>
        <source>Hormonal therapy</source>
        <translation>Hormonoterapia</translation>
    </message>
    <message>
        <source>CDK4/6 inhibitor</source>
        <translation>Inhibidor de CDK4/6</translation>
    </message>
    <message>
        <source>Other targeted therapy</source>
        <translation>Otra terapia dirigida</translation>
    </message>
    <message>
        <source>HER2-targeted therapy</source>
        <translation>Terapia dirigida a HER2</translation>
    </message>
    <message>
        <source>Antibody-drug conjugate</source>
        <translation>Anticuerpo conjugado</translation>
    </message>
    <message>
        <source>Chemotherapy</source>
        <translation>Quimioterapia</translation>
    </message>
    <message>
        <source>Immunotherapy</source>
        <translation>Inmunoterapia</translation>
    </message>
    <message>
        <source>Bone-modifying drug</source>
        <translation>Fármaco para los huesos</translation>
    </message>
</context>
<context>
    <name>EditRecordDialog</name>
    <message>
        <source>Edit details</source>
        <translation>Editar detalles</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Título:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Categoría:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Fecha:</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Profesional o centro:</translation>
    </message>
    <message>
        <source>Tags (comma separated):</source>
        <translation>Etiquetas (separadas por comas):</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notas:</translation>
    </message>
    <message>
        <source>The title cannot be empty.</source>
        <translation>El título no puede quedar vacío.</translation>
    </message>
</context>
<context>
    <name>EntryCommands</name>
    <message>
        <source>Change “{0}”</source>
        <translation>Cambiar “{0}”</translation>
    </message>
    <message>
        <source>Move “{0}” to the trash</source>
        <translation>Mover “{0}” a la papelera</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <source>From: {0}, {1}</source>
        <translation>De: {0}, {1}</translation>
    </message>
    <message>
        <source>From: {0}</source>
        <translation>De: {0}</translation>
    </message>
</context>
<context>
    <name>EntryFormDialog</name>
    <message>
        <source>Supporting documents</source>
        <translation>Documentos de respaldo</translation>
    </message>
    <message>
        <source>Supporting documents:</source>
        <translation>Documentos de respaldo:</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(sin indicar)</translation>
    </message>
</context>
<context>
    <name>EntryListBox</name>
    <message>
        <source>Add…</source>
        <translation>Agregar…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>Mover a la papelera</translation>
    </message>
    <message>
        <source>Add to {0}</source>
        <translation>Agregar en {0}</translation>
    </message>
    <message>
        <source>Edit in {0}</source>
        <translation>Editar en {0}</translation>
    </message>
    <message>
        <source>Move to trash from {0}</source>
        <translation>Mover a la papelera desde {0}</translation>
    </message>
    <message>
        <source>Edit: {0}</source>
        <translation>Editar: {0}</translation>
    </message>
    <message>
        <source>Add: {0}</source>
        <translation>Agregar: {0}</translation>
    </message>
</context>
<context>
    <name>EntryTitles</name>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnóstico</translation>
    </message>
    <message>
        <source>Biopsy: {0}</source>
        <translation>Biopsia: {0}</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>{0} with {1}</source>
        <translation>{0} con {1}</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <source>My care priorities</source>
        <translation>Mis prioridades de atención</translation>
    </message>
    <message>
        <source>No known allergies</source>
        <translation>Sin alergias conocidas</translation>
    </message>
    <message>
        <source>About me</source>
        <translation>Sobre mí</translation>
    </message>
    <message>
        <source>{0} Gy</source>
        <translation>{0} Gy</translation>
    </message>
    <message>
        <source>{0} in {1} fractions</source>
        <translation>{0} en {1} sesiones</translation>
    </message>
    <message>
        <source>Radiation to {0}</source>
        <translation>Radioterapia en {0}</translation>
    </message>
    <message>
        <source>{0}, {1}</source>
        <translation>{0}, {1}</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Consulta</translation>
    </message>
</context>
<context>
    <name>ErrorPresenter</name>
    <message>
        <source>{path} could not be used: {reason}.</source>
        <translation>No se pudo usar {path}: {reason}.</translation>
    </message>
    <message>
        <source>Something went wrong ({kind}); nothing half-done was kept. Please try again.</source>
        <translation>Algo salió mal ({kind}); no se guardó nada a medias. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Record {id} (“{title}”): {what} ({path})</source>
        <translation>Registro {id} («{title}»): {what} ({path})</translation>
    </message>
    <message>
        <source>Record {id}: {what} ({path})</source>
        <translation>Registro {id}: {what} ({path})</translation>
    </message>
    <message>
        <source>{path}: {what}</source>
        <translation>{path}: {what}</translation>
    </message>
    <message>
        <source>Enter the {label} as YYYY-MM-DD, e.g. 2024-05-20.</source>
        <translation>Escriba la {label} como AAAA-MM-DD, p. ej. 2024-05-20.</translation>
    </message>
    <message>
        <source>The {label} &quot;{value}&quot; is not a date; write it as YYYY-MM-DD.</source>
        <translation>La {label} «{value}» no es una fecha; escríbala como AAAA-MM-DD.</translation>
    </message>
    <message>
        <source>The {label} {value} is out of range; check the year.</source>
        <translation>La {label} {value} está fuera de rango; revise el año.</translation>
    </message>
    <message>
        <source>Choose the {label} from the list.</source>
        <translation>Elija {label} de la lista.</translation>
    </message>
    <message>
        <source>The {label} must be a number from 0 to 100.</source>
        <translation>{label}: debe ser un número de 0 a 100.</translation>
    </message>
    <message>
        <source>The {label} must be between 0 and 100.</source>
        <translation>{label}: debe estar entre 0 y 100.</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>La fecha de fin es anterior a la de inicio.</translation>
    </message>
    <message>
        <source>Say which site.</source>
        <translation>Indique qué localización.</translation>
    </message>
    <message>
        <source>Say where the biopsy was taken.</source>
        <translation>Indique dónde se tomó la biopsia.</translation>
    </message>
    <message>
        <source>ER is negative but the percent is 1 or more; check both.</source>
        <translation>RE es negativo pero el porcentaje es 1 o más; revise ambos.</translation>
    </message>
    <message>
        <source>PR is negative but the percent is 1 or more; check both.</source>
        <translation>RP es negativo pero el porcentaje es 1 o más; revise ambos.</translation>
    </message>
    <message>
        <source>The line number must be a whole number, e.g. 2.</source>
        <translation>El número de línea debe ser un número entero, p. ej. 2.</translation>
    </message>
    <message>
        <source>The line number must be between 0 and 50.</source>
        <translation>El número de línea debe estar entre 0 y 50.</translation>
    </message>
    <message>
        <source>Add at least one drug of the regimen.</source>
        <translation>Añada al menos un fármaco del esquema.</translation>
    </message>
    <message>
        <source>Give the trial&apos;s identifier, e.g. NCT01234567.</source>
        <translation>Indique el identificador del ensayo, p. ej. NCT01234567.</translation>
    </message>
    <message>
        <source>Give the stop date, or clear the reason stopped.</source>
        <translation>Indique la fecha de fin, o borre el motivo de la suspensión.</translation>
    </message>
    <message>
        <source>Enter the name of the medicine, herb or supplement.</source>
        <translation>Escriba el nombre del medicamento, hierba o suplemento.</translation>
    </message>
    <message>
        <source>Choose a symptom or type one.</source>
        <translation>Elija un síntoma o escriba uno.</translation>
    </message>
    <message>
        <source>Give the severity as a number from 0 (none) to 10 (worst).</source>
        <translation>Indique la intensidad como un número de 0 (nada) a 10 (lo peor).</translation>
    </message>
    <message>
        <source>The severity must be from 0 (none) to 10 (worst).</source>
        <translation>La intensidad debe ir de 0 (nada) a 10 (lo peor).</translation>
    </message>
    <message>
        <source>Enter what you are allergic to, or tick &quot;No known allergies&quot;.</source>
        <translation>Escriba a qué es alérgica, o marque «Sin alergias conocidas».</translation>
    </message>
    <message>
        <source>{name} took longer than {seconds} seconds to read; it may be damaged. Ask the portal for a smaller download, or split it.</source>
        <translation>{name} tardó más de {seconds} segundos en leerse; puede estar dañado. Pida al portal una descarga más pequeña, o divídalo.</translation>
    </message>
    <message>
        <source>{name} was not read: it holds a DTD, entities or links to other files, which a portal document never needs. Download it again from the portal.</source>
        <translation>{name} no se leyó: contiene una DTD, entidades o enlaces a otros archivos, que un documento de un portal nunca necesita. Descárguelo de nuevo del portal.</translation>
    </message>
    <message>
        <source>{name} cannot be read: its XML is damaged. Download it again from the portal.</source>
        <translation>{name} no se puede leer: su XML está dañado. Descárguelo de nuevo del portal.</translation>
    </message>
    <message>
        <source>{name} is XML but not a C-CDA clinical document, so it was not read.</source>
        <translation>{name} es XML pero no es un documento clínico C-CDA, así que no se leyó.</translation>
    </message>
    <message>
        <source>{name} is a C-CDA document with no body: there is nothing in it to import.</source>
        <translation>{name} es un documento C-CDA sin cuerpo: no contiene nada que importar.</translation>
    </message>
    <message>
        <source>{name} holds more than {limit} entries, or is nested too deep, for a portal download; it was not read.</source>
        <translation>{name} contiene más de {limit} entradas, o está anidado a demasiada profundidad, para ser una descarga de un portal; no se leyó.</translation>
    </message>
    <message>
        <source>{count} entries of the section {section} could not be read and were left out.</source>
        <translation>{count} entradas de la sección {section} no se pudieron leer y se dejaron fuera.</translation>
    </message>
    <message>
        <source>{count} vital signs (blood pressure, weight...) were not made lab values; the section is kept as text on the stored document.</source>
        <translation>{count} signos vitales (tensión arterial, peso...) no se convirtieron en valores de laboratorio; la sección se conserva como texto en el documento guardado.</translation>
    </message>
    <message>
        <source>{count} date(s) gave only a year or a month; the first day of it was used.</source>
        <translation>{count} fecha(s) daban solo un año o un mes; se usó su primer día.</translation>
    </message>
    <message>
        <source>{count} date(s) could not be read and were left empty.</source>
        <translation>{count} fecha(s) no se pudieron leer y se dejaron vacías.</translation>
    </message>
    <message>
        <source>{count} result(s) were words, not numbers, and were left out; the stored document keeps them.</source>
        <translation>{count} resultado(s) eran palabras, no números, y se dejaron fuera; el documento guardado los conserva.</translation>
    </message>
    <message>
        <source>The document does not say it is HL7 CDA (its namespace is missing or wrong); it was read anyway.</source>
        <translation>El documento no indica que sea HL7 CDA (su espacio de nombres falta o es incorrecto); se leyó de todos modos.</translation>
    </message>
    <message>
        <source>{count} result(s) were read from the table of the section {section}, which had no coded results.</source>
        <translation>{count} resultado(s) se leyeron de la tabla de la sección {section}, que no tenía resultados codificados.</translation>
    </message>
    <message>
        <source>{count} section(s) without entries MBC Vault keeps were kept as text on the stored document.</source>
        <translation>{count} sección(es) sin entradas que MBC Vault guarde se conservaron como texto en el documento guardado.</translation>
    </message>
    <message>
        <source>{count} immunization(s) recorded as not given were left out.</source>
        <translation>{count} vacuna(s) anotadas como no puestas se dejaron fuera.</translation>
    </message>
    <message>
        <source>{count} character(s) of the document were not in the encoding it names (UTF-8) and were read as Western European letters; check names and words with accents against the stored document.</source>
        <translation>{count} carácter(es) del documento no estaban en la codificación que indica (UTF-8) y se leyeron como letras de Europa occidental; compruebe los nombres y las palabras con tilde en el documento guardado.</translation>
    </message>
    <message>
        <source>Clear the substance, or untick &quot;No known allergies&quot;.</source>
        <translation>Borre la sustancia, o desmarque «Sin alergias conocidas».</translation>
    </message>
    <message>
        <source>Enter the name of the condition, e.g. high blood pressure.</source>
        <translation>Escriba el nombre de la enfermedad, p. ej. presión arterial alta.</translation>
    </message>
    <message>
        <source>Enter the surgery or procedure, e.g. lumpectomy.</source>
        <translation>Escriba la cirugía o el procedimiento, p. ej. tumorectomía.</translation>
    </message>
    <message>
        <source>Describe the lymph-node procedure, or choose one from the list.</source>
        <translation>Describa el procedimiento en los ganglios linfáticos, o elija uno de la lista.</translation>
    </message>
    <message>
        <source>Enter where the radiation was given, e.g. left breast.</source>
        <translation>Escriba dónde se dio la radioterapia, p. ej. mama izquierda.</translation>
    </message>
    <message>
        <source>Give the total dose as a number of Gy, e.g. 40.05.</source>
        <translation>Indique la dosis total como un número de Gy, p. ej. 40,05.</translation>
    </message>
    <message>
        <source>The total dose must be more than 0 and at most 200 Gy.</source>
        <translation>La dosis total debe ser mayor que 0 y como máximo 200 Gy.</translation>
    </message>
    <message>
        <source>Give the number of fractions (sessions) as a whole number, e.g. 15.</source>
        <translation>Indique el número de fracciones (sesiones) como un número entero, p. ej. 15.</translation>
    </message>
    <message>
        <source>The number of fractions must be from 1 to 100.</source>
        <translation>El número de fracciones debe estar entre 1 y 100.</translation>
    </message>
    <message>
        <source>Enter the vaccine, e.g. influenza.</source>
        <translation>Escriba la vacuna, p. ej. gripe.</translation>
    </message>
    <message>
        <source>Say what the visit was, e.g. oncology follow-up, or why it was.</source>
        <translation>Diga qué consulta fue, p. ej. control de oncología, o por qué fue.</translation>
    </message>
    <message>
        <source>Enter the date of birth, or the name to print on the packet.</source>
        <translation>Escriba la fecha de nacimiento, o el nombre que se imprimirá en el paquete.</translation>
    </message>
    <message>
        <source>{label} is not a readable zip archive. Download it again from the portal.</source>
        <translation>{label} no es un archivo zip legible. Descárguelo de nuevo del portal.</translation>
    </message>
    <message>
        <source>{label} unpacks to too many files or too many bytes to be a portal download. Check that it is the right archive.</source>
        <translation>{label} se descomprime en demasiados archivos o bytes para ser una descarga del portal. Compruebe que es el archivo zip correcto.</translation>
    </message>
    <message>
        <source>{count} files in the archive could not be read ({member} first); the rest was read.</source>
        <translation>{count} archivos del zip no se pudieron leer (el primero, {member}); el resto se leyó.</translation>
    </message>
    <message>
        <source>Enter the test&apos;s name, e.g. CA 15-3.</source>
        <translation>Escriba el nombre de la prueba, p. ej. CA 15-3.</translation>
    </message>
    <message>
        <source>The value &quot;{value}&quot; is not a number.</source>
        <translation>El valor «{value}» no es un número.</translation>
    </message>
    <message>
        <source>Enter the value as a number, e.g. 42 or 3.1.</source>
        <translation>Escriba el valor como un número, p. ej. 42 o 3.1.</translation>
    </message>
    <message>
        <source>A lab value cannot be negative.</source>
        <translation>Un valor de laboratorio no puede ser negativo.</translation>
    </message>
    <message>
        <source>Enter the unit, e.g. U/mL.</source>
        <translation>Escriba la unidad, p. ej. U/mL.</translation>
    </message>
    <message>
        <source>Write the time as HH:MM with a 24-hour clock, e.g. 09:30 or 14:15.</source>
        <translation>Escriba la hora como HH:MM en formato de 24 horas, p. ej. 09:30 o 14:15.</translation>
    </message>
    <message>
        <source>The length must be a number of minutes, e.g. 30.</source>
        <translation>La duración debe ser un número de minutos, p. ej. 30.</translation>
    </message>
    <message>
        <source>The length must be between 5 minutes and 24 hours.</source>
        <translation>La duración debe estar entre 5 minutos y 24 horas.</translation>
    </message>
    <message>
        <source>Say what the appointment is for, or with whom.</source>
        <translation>Indique para qué es la cita, o con quién.</translation>
    </message>
    <message>
        <source>Type the question first.</source>
        <translation>Escriba primero la pregunta.</translation>
    </message>
    <message>
        <source>Enter the person&apos;s name (or the office&apos;s).</source>
        <translation>Escriba el nombre de la persona (o de la consulta).</translation>
    </message>
    <message>
        <source>Write the number with digits, spaces, +, - or parentheses only.</source>
        <translation>Escriba el número solo con dígitos, espacios, +, - o paréntesis.</translation>
    </message>
    <message>
        <source>This does not look like an email address (name@example.org).</source>
        <translation>Esto no parece una dirección de correo (nombre@example.org).</translation>
    </message>
    <message>
        <source>A date signed is given: set the status to Signed, or clear the date.</source>
        <translation>Hay una fecha de firma: ponga el estado en Firmado, o borre la fecha.</translation>
    </message>
    <message>
        <source>Enter the person&apos;s name.</source>
        <translation>Escriba el nombre de la persona.</translation>
    </message>
    <message>
        <source>Give the trial&apos;s identifier (such as NCT01234567) or its title.</source>
        <translation>Indique el identificador del ensayo (como NCT01234567) o su título.</translation>
    </message>
    <message>
        <source>An NCT number is NCT followed by 8 digits, e.g. NCT01234567.</source>
        <translation>Un número NCT es NCT seguido de 8 dígitos, p. ej. NCT01234567.</translation>
    </message>
    <message>
        <source>The {field} &quot;{value}&quot; is not a date; write it as YYYY-MM-DD, e.g. 2026-03-14.</source>
        <translation>La {field} «{value}» no es válida; escríbala como AAAA-MM-DD, p. ej. 2026-03-14.</translation>
    </message>
    <message>
        <source>The {field} &quot;{value}&quot; is not a real calendar date.</source>
        <translation>La {field} «{value}» no existe en el calendario.</translation>
    </message>
    <message>
        <source>&quot;{category}&quot; is not a category; use one of: {choices}.</source>
        <translation>«{category}» no es una categoría; use una de estas: {choices}.</translation>
    </message>
    <message>
        <source>&quot;{scope}&quot; is not a section that can be shared; use one of: {choices}.</source>
        <translation>«{scope}» no es una sección que se pueda compartir; use una de estas: {choices}.</translation>
    </message>
    <message>
        <source>&quot;{kind}&quot; is not a kind of entry.</source>
        <translation>«{kind}» no es un tipo de entrada.</translation>
    </message>
    <message>
        <source>&quot;{kind}&quot; is not a kind of entry; use one of: {choices}.</source>
        <translation>«{kind}» no es un tipo de entrada; use uno de estos: {choices}.</translation>
    </message>
    <message>
        <source>These fields cannot be changed: {fields}.</source>
        <translation>Estos campos no se pueden cambiar: {fields}.</translation>
    </message>
    <message>
        <source>The title cannot be empty.</source>
        <translation>El título no puede estar vacío.</translation>
    </message>
    <message>
        <source>The person&apos;s name cannot be empty.</source>
        <translation>El nombre de la persona no puede estar vacío.</translation>
    </message>
    <message>
        <source>The passphrase cannot be empty.</source>
        <translation>La frase de contraseña no puede estar vacía.</translation>
    </message>
    <message>
        <source>The new passphrase cannot be empty.</source>
        <translation>La nueva frase de contraseña no puede estar vacía.</translation>
    </message>
    <message>
        <source>The page size &quot;{page_size}&quot; is not known; use Letter or A4.</source>
        <translation>El tamaño de página «{page_size}» no se conoce; use Carta o A4.</translation>
    </message>
    <message>
        <source>The packet password cannot contain a line break.</source>
        <translation>La contraseña del paquete no puede contener un salto de línea.</translation>
    </message>
    <message>
        <source>The packet password is too long.</source>
        <translation>La contraseña del paquete es demasiado larga.</translation>
    </message>
    <message>
        <source>Unknown chart format &quot;{format}&quot;; use &quot;png&quot; or &quot;svg&quot;.</source>
        <translation>Formato de gráfico desconocido «{format}»; use «png» o «svg».</translation>
    </message>
    <message>
        <source>{path} is not a folder; give the folder that holds the vault.</source>
        <translation>{path} no es una carpeta; indique la carpeta que contiene la bóveda.</translation>
    </message>
    <message>
        <source>{path} is not an MBC Vault (it has no {marker}); pick the vault&apos;s folder.</source>
        <translation>{path} no es una bóveda de MBC Vault (no tiene {marker}); elija la carpeta de la bóveda.</translation>
    </message>
    <message>
        <source>{marker} is damaged; restore it from a backup or see docs/recovery.md.</source>
        <translation>{marker} está dañado; restáurelo desde una copia de seguridad o vea docs/recovery.md.</translation>
    </message>
    <message>
        <source>{path} is not an MBC Vault.</source>
        <translation>{path} no es una bóveda de MBC Vault.</translation>
    </message>
    <message>
        <source>{marker} is damaged (it has no vault id); restore it from a backup.</source>
        <translation>{marker} está dañado (no tiene identificador de bóveda); restáurelo desde una copia de seguridad.</translation>
    </message>
    <message>
        <source>This vault uses format version {version}, newer than this program understands ({supported}); update MBC Vault to open it.</source>
        <translation>Esta bóveda usa la versión de formato {version}, más nueva de la que entiende este programa ({supported}); actualice MBC Vault para abrirla.</translation>
    </message>
    <message>
        <source>{path} has no keys; it is not a usable vault.</source>
        <translation>{path} no tiene claves; no es una bóveda utilizable.</translation>
    </message>
    <message>
        <source>{path} already exists and is not an empty folder; choose a new folder.</source>
        <translation>{path} ya existe y no es una carpeta vacía; elija una carpeta nueva.</translation>
    </message>
    <message>
        <source>Wrong passphrase for this vault.</source>
        <translation>Frase de contraseña incorrecta para esta bóveda.</translation>
    </message>
    <message>
        <source>Wrong passphrase for this vault, or the key file {files} is damaged; if you are sure of the passphrase, restore it from a backup.</source>
        <translation>Frase de contraseña incorrecta para esta bóveda, o el archivo de clave {files} está dañado; si está seguro de la frase, restáurelo desde una copia de seguridad.</translation>
    </message>
    <message>
        <source>Wrong passphrase for this vault, or your key file is {files}, which asks for far more work than MBC Vault uses (it may have been planted). If you are sure of the passphrase, ask the vault&apos;s owner to check the vault.</source>
        <translation>Frase de contraseña incorrecta para esta bóveda, o su archivo de clave es {files}, que pide mucho más trabajo del que usa MBC Vault (puede que alguien lo haya puesto ahí). Si está seguro de la frase de contraseña, pida a la persona dueña de la bóveda que la revise.</translation>
    </message>
    <message>
        <source>Another MBC Vault program is saving changes to this vault; wait for it to finish or close it, then try again.</source>
        <translation>Otro programa de MBC Vault está guardando cambios en esta bóveda; espere a que termine o ciérrelo y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The vault was locked. Unlock it again to go on.</source>
        <translation>La bóveda se bloqueó. Desbloquéela de nuevo para seguir.</translation>
    </message>
    <message>
        <source>This vault was made by an older version of MBC Vault. Its owner must open it once with this version before you can use it.</source>
        <translation>Esta bóveda se creó con una versión anterior de MBC Vault. La persona propietaria debe abrirla una vez con esta versión antes de que usted pueda usarla.</translation>
    </message>
    <message>
        <source>The key file {path} asks for far more work (scrypt work factor {work_factor}) than MBC Vault writes; it was not made by MBC Vault. If nobody&apos;s passphrase opens it, remove it.</source>
        <translation>El archivo de clave {path} pide mucho más trabajo (factor de trabajo de scrypt {work_factor}) del que escribe MBC Vault; no lo hizo MBC Vault. Si la frase de contraseña de nadie lo abre, elimínelo.</translation>
    </message>
    <message>
        <source>The key file {path} is damaged (the passphrase is right); restore it from a backup.</source>
        <translation>El archivo de clave {path} está dañado (la frase de contraseña es correcta); restáurelo desde una copia de seguridad.</translation>
    </message>
    <message>
        <source>The key file {path} does not belong to this person; it was swapped or altered. Restore it from a backup.</source>
        <translation>El archivo de clave {path} no pertenece a esta persona; fue cambiado o alterado. Restáurelo desde una copia de seguridad.</translation>
    </message>
    <message>
        <source>The vault&apos;s info ({info}) is damaged, missing or was not written by the vault&apos;s owner (someone who can write the folder replaced it); nothing was read with it. Restore it from a backup.</source>
        <translation>La información de la bóveda ({info}) está dañada, falta o no la escribió la persona propietaria de la bóveda (alguien que puede escribir en la carpeta la reemplazó); no se leyó nada con ella. Restáurela desde una copia de seguridad.</translation>
    </message>
    <message>
        <source>The vault&apos;s marker ({marker}) does not match the vault&apos;s signed info: its vault id or format version was changed. Restore it from a backup.</source>
        <translation>El marcador de la bóveda ({marker}) no coincide con la información firmada de la bóveda: se cambió su identificador o su versión de formato. Restáurelo desde una copia de seguridad.</translation>
    </message>
    <message>
        <source>The vault&apos;s marker {marker} names another vault than your key file; it was changed. Restore it from a backup.</source>
        <translation>El marcador de la bóveda {marker} nombra otra bóveda distinta de la de su archivo de clave; fue cambiado. Restáurelo desde una copia de seguridad.</translation>
    </message>
    <message>
        <source>Your details in this vault are missing or were not written by its owner, so nothing was opened; ask the vault&apos;s owner to open the vault and check the people.</source>
        <translation>Sus datos en esta bóveda faltan o no los escribió la persona propietaria, así que no se abrió nada; pida a la persona propietaria que abra la bóveda y revise las personas.</translation>
    </message>
    <message>
        <source>Your keyring does not hold the current key of the {scope} part that the vault&apos;s signed info names; it was replaced by an older or forged one. Restore it from a backup.</source>
        <translation>Su llavero no tiene la clave actual de la parte {scope} que nombra la información firmada de la bóveda; se reemplazó por una anterior o falsificada. Restáurelo desde una copia de seguridad.</translation>
    </message>
    <message>
        <source>The vault&apos;s keys cannot be checked: your keyring or the vault&apos;s info is damaged. Ask the vault&apos;s owner to open the vault.</source>
        <translation>No se pueden comprobar las claves de la bóveda: su llavero o la información de la bóveda están dañados. Pida a la persona propietaria que abra la bóveda.</translation>
    </message>
    <message>
        <source>The vault&apos;s info was not written by its owner; ask the owner to open the vault.</source>
        <translation>La información de la bóveda no la escribió la persona propietaria; pida a la persona propietaria que abra la bóveda.</translation>
    </message>
    <message>
        <source>The keyring {path} is damaged or missing; restore it from a backup.</source>
        <translation>El llavero {path} está dañado o falta; restáurelo desde una copia de seguridad.</translation>
    </message>
    <message>
        <source>Your keyring is damaged or missing; restore it from a backup.</source>
        <translation>Su llavero está dañado o falta; restáurelo desde una copia de seguridad.</translation>
    </message>
    <message>
        <source>The keyring {keyring} was not written by the vault&apos;s owner (someone who can write the folder replaced it); nothing was read with it. Restore it from a backup, or ask the owner to open the vault.</source>
        <translation>El llavero {keyring} no lo escribió la persona propietaria de la bóveda (alguien que puede escribir en la carpeta lo reemplazó); no se leyó nada con él. Restáurelo desde una copia de seguridad, o pida a la persona propietaria que abra la bóveda.</translation>
    </message>
    <message>
        <source>The details of &quot;{name}&quot; have no public key; remove the person and add them again.</source>
        <translation>Los datos de «{name}» no tienen clave pública; quite a la persona y añádala de nuevo.</translation>
    </message>
    <message>
        <source>The key rotation record {rotation} is damaged or was not written by the owner; restore it from a backup or remove it and rotate again.</source>
        <translation>El registro de cambio de claves {rotation} está dañado o no lo escribió la persona propietaria; restáurelo desde una copia de seguridad o quítelo y cambie las claves otra vez.</translation>
    </message>
    <message>
        <source>Two different keys claim generation {generation} of the {scope} section; restore {rotation} from a backup.</source>
        <translation>Dos claves distintas dicen ser la generación {generation} de la sección {scope}; restaure {rotation} desde una copia de seguridad.</translation>
    </message>
    <message>
        <source>{upgrade} (left by an interrupted upgrade) is damaged; restore the vault folder from a backup.</source>
        <translation>{upgrade} (dejado por una actualización interrumpida) está dañado; restaure la carpeta de la bóveda desde una copia de seguridad.</translation>
    </message>
    <message>
        <source>the record file is damaged ({detail})</source>
        <translation>el archivo del registro está dañado ({detail})</translation>
    </message>
    <message>
        <source>the record file does not hold a valid record</source>
        <translation>el archivo del registro no contiene un registro válido</translation>
    </message>
    <message>
        <source>the record file holds another record (files were swapped or renamed)</source>
        <translation>el archivo del registro contiene otro registro (se intercambiaron o renombraron archivos)</translation>
    </message>
    <message>
        <source>the record has an unknown category</source>
        <translation>el registro tiene una categoría desconocida</translation>
    </message>
    <message>
        <source>it claims to be a {record_scope} record but was stored with the key of the {scope} part, so it was not written by this program; it is not used</source>
        <translation>dice ser un registro de {record_scope} pero se guardó con la clave de la parte {scope}, así que no lo escribió este programa; no se usa</translation>
    </message>
    <message>
        <source>{why}; it is not used</source>
        <translation>{why}; no se usa</translation>
    </message>
    <message>
        <source>no key of this vault opens this kept version: it is damaged</source>
        <translation>ninguna clave de esta bóveda abre esta versión guardada: está dañada</translation>
    </message>
    <message>
        <source>this kept version of a record is damaged ({detail})</source>
        <translation>esta versión guardada de un registro está dañada ({detail})</translation>
    </message>
    <message>
        <source>this kept version of a record is not used: {why}</source>
        <translation>esta versión guardada de un registro no se usa: {why}</translation>
    </message>
    <message>
        <source>this file belongs to no one in the vault (an interrupted addition, or planted); the owner&apos;s next open removes the owner&apos;s own leftovers, anything else was left as it is</source>
        <translation>este archivo no pertenece a nadie de la bóveda (una incorporación interrumpida, o puesto por otra persona); la próxima vez que la persona propietaria abra la bóveda se quitarán sus propios restos, y todo lo demás se deja como está</translation>
    </message>
    <message>
        <source>Adding &quot;{name}&quot; was interrupted; it was cleaned up. Add them again.</source>
        <translation>Se interrumpió la incorporación de «{name}»; se ha limpiado. Vuelva a añadir a esa persona.</translation>
    </message>
    <message>
        <source>this request was not written by the person it names; it was not used.</source>
        <translation>esta solicitud no la escribió la persona que nombra; no se usó.</translation>
    </message>
    <message>
        <source>cannot be re-encrypted ({detail})</source>
        <translation>no se puede volver a cifrar ({detail})</translation>
    </message>
    <message>
        <source>{why}; it was not re-encrypted</source>
        <translation>{why}; no se volvió a cifrar</translation>
    </message>
    <message>
        <source>the document cannot be re-encrypted ({detail})</source>
        <translation>el documento no se puede volver a cifrar ({detail})</translation>
    </message>
    <message>
        <source>the details of person {person} in the vault&apos;s info cannot be read</source>
        <translation>los datos de la persona {person} en la información de la bóveda no se pueden leer</translation>
    </message>
    <message>
        <source>a person&apos;s details cannot be read</source>
        <translation>los datos de una persona no se pueden leer</translation>
    </message>
    <message>
        <source>these details of a person were not written by the vault&apos;s owner, or adding that person was interrupted; they are not used</source>
        <translation>estos datos de una persona no los escribió la persona propietaria de la bóveda, o se interrumpió su incorporación; no se usan</translation>
    </message>
    <message>
        <source>this person&apos;s details differ from the ones the vault&apos;s owner signed (changed or put back by someone else); they are not used</source>
        <translation>los datos de esta persona no coinciden con los que firmó la persona propietaria de la bóveda (otra persona los cambió o repuso); no se usan</translation>
    </message>
    <message>
        <source>your keyring does not hold the current key of the {scope} part yet; ask the vault&apos;s owner to open the vault</source>
        <translation>su llavero todavía no tiene la clave actual de la parte {scope}; pida a la persona propietaria que abra la bóveda</translation>
    </message>
    <message>
        <source>this record went back to an older version (revision {revision}; this computer saw revision {seen}): an older copy was put back</source>
        <translation>este registro volvió a una versión anterior (revisión {revision}; este equipo vio la revisión {seen}): alguien repuso una copia antigua</translation>
    </message>
    <message>
        <source>no key of this vault opens it: it is damaged</source>
        <translation>ninguna clave de esta bóveda lo abre: está dañado</translation>
    </message>
    <message>
        <source>the key change could not be finished: {why}</source>
        <translation>el cambio de claves no se pudo terminar: {why}</translation>
    </message>
    <message>
        <source>The document of &quot;{title}&quot; is damaged: {why}. Restore the vault folder from a backup.</source>
        <translation>El documento de «{title}» está dañado: {why}. Restaure la carpeta de la bóveda desde una copia de seguridad.</translation>
    </message>
    <message>
        <source>The document of &quot;{title}&quot; is damaged; it was not moved.</source>
        <translation>El documento de «{title}» está dañado; no se movió.</translation>
    </message>
    <message>
        <source>The document of &quot;{title}&quot; is missing ({path}); restore it from a backup or wait for the sync to finish.</source>
        <translation>Falta el documento de «{title}» ({path}); restáurelo desde una copia de seguridad o espere a que termine la sincronización.</translation>
    </message>
    <message>
        <source>The document file of &quot;{title}&quot; belongs to another part of the vault than its record (someone who can write the folder pointed the record at it); not a byte of it was read or copied.</source>
        <translation>El archivo del documento de «{title}» pertenece a otra parte de la bóveda que su registro (alguien que puede escribir en la carpeta apuntó el registro a él); no se leyó ni copió ni un byte.</translation>
    </message>
    <message>
        <source>the document file belongs to another part of the vault than its record (someone who can write the folder pointed the record at it); not a byte of it was copied</source>
        <translation>el archivo del documento pertenece a otra parte de la bóveda que su registro (alguien que puede escribir en la carpeta apuntó el registro a él); no se copió ni un byte</translation>
    </message>
    <message>
        <source>its content does not match the record</source>
        <translation>su contenido no coincide con el registro</translation>
    </message>
    <message>
        <source>The document of the chosen version of &quot;{title}&quot; is missing; wait for the sync to finish and try again.</source>
        <translation>Falta el documento de la versión elegida de «{title}»; espere a que termine la sincronización y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The search text of &quot;{title}&quot; is damaged ({detail}); it can be rebuilt from the document.</source>
        <translation>El texto de búsqueda de «{title}» está dañado ({detail}); se puede reconstruir a partir del documento.</translation>
    </message>
    <message>
        <source>The search text stored for &quot;{title}&quot; belongs to another document.</source>
        <translation>El texto de búsqueda guardado para «{title}» pertenece a otro documento.</translation>
    </message>
    <message>
        <source>The search text stored for &quot;{title}&quot; is not used: {why}. It can be rebuilt from the document.</source>
        <translation>El texto de búsqueda guardado para «{title}» no se usa: {why}. Se puede reconstruir a partir del documento.</translation>
    </message>
    <message>
        <source>its header is damaged ({detail})</source>
        <translation>su encabezado está dañado ({detail})</translation>
    </message>
    <message>
        <source>it is not the document this record was saved with (files swapped?)</source>
        <translation>no es el documento con el que se guardó este registro (¿archivos intercambiados?)</translation>
    </message>
    <message>
        <source>it is longer than it should be</source>
        <translation>es más largo de lo que debería</translation>
    </message>
    <message>
        <source>{detail}</source>
        <translation>{detail}</translation>
    </message>
    <message>
        <source>its content does not match the fingerprint saved with the record</source>
        <translation>su contenido no coincide con la huella guardada con el registro</translation>
    </message>
    <message>
        <source>it is not signed by anyone in this vault, so it was not written by this program</source>
        <translation>no lo firmó nadie de esta bóveda, así que no lo escribió este programa</translation>
    </message>
    <message>
        <source>it is signed by someone who is not in this vault</source>
        <translation>lo firmó alguien que no está en esta bóveda</translation>
    </message>
    <message>
        <source>its signature does not match: it was changed by someone who may not write it</source>
        <translation>su firma no coincide: lo cambió alguien que no puede escribirlo</translation>
    </message>
    <message>
        <source>it was written by {name}, who may not change the {scope} part</source>
        <translation>lo escribió {name}, que no puede cambiar la parte {scope}</translation>
    </message>
    <message>
        <source>it names another person as its last writer than the one who signed it</source>
        <translation>nombra como último autor a otra persona distinta de la que lo firmó</translation>
    </message>
    <message>
        <source>it was stored with another part&apos;s key</source>
        <translation>se guardó con la clave de otra parte</translation>
    </message>
    <message>
        <source>&quot;{record_id}&quot; matches {count} records; give more of the id.</source>
        <translation>«{record_id}» coincide con {count} registros; dé más del identificador.</translation>
    </message>
    <message>
        <source>The record &quot;{record_id}&quot; is in a section of the vault that was not shared with you, so it cannot be opened with your key.</source>
        <translation>El registro «{record_id}» está en una sección de la bóveda que no se compartió con usted, así que no se puede abrir con su clave.</translation>
    </message>
    <message>
        <source>No record with id &quot;{record_id}&quot; in this vault (see `mbc-vault list`).</source>
        <translation>No hay ningún registro con identificador «{record_id}» en esta bóveda (vea `mbc-vault list`).</translation>
    </message>
    <message>
        <source>No person with id &quot;{person_id}&quot; in this vault (see `mbc-vault person list`).</source>
        <translation>No hay ninguna persona con identificador «{person_id}» en esta bóveda (vea `mbc-vault person list`).</translation>
    </message>
    <message>
        <source>Record &quot;{title}&quot; has no document attached.</source>
        <translation>El registro «{title}» no tiene ningún documento adjunto.</translation>
    </message>
    <message>
        <source>The record &quot;{record_id}&quot; has no versions waiting for a choice.</source>
        <translation>El registro «{record_id}» no tiene versiones esperando una elección.</translation>
    </message>
    <message>
        <source>The record &quot;{record_id}&quot; has no version &quot;{version}&quot;.</source>
        <translation>El registro «{record_id}» no tiene la versión «{version}».</translation>
    </message>
    <message>
        <source>&quot;{title}&quot; is not in the trash; remove it first, then purge it.</source>
        <translation>«{title}» no está en la papelera; quítelo primero y luego elimínelo para siempre.</translation>
    </message>
    <message>
        <source>&quot;{title}&quot; was changed by someone else since you opened it; your change was not saved. Look at the new version and try again.</source>
        <translation>Otra persona cambió «{title}» desde que lo abrió; su cambio no se guardó. Mire la nueva versión y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>This vault folder went back to an older state than this computer saw before (an older copy or backup was put in its place, or someone rolled it back). Changes and key changes are refused until the newest copy of the folder is back; restore it from your sync tool or backup.</source>
        <translation>Esta carpeta de bóveda volvió a un estado anterior al que este equipo vio antes (se puso en su lugar una copia anterior o de seguridad, o alguien la hizo retroceder). Los cambios y los cambios de claves se rechazan hasta que vuelva la copia más reciente de la carpeta; restáurela desde su herramienta de sincronización o su copia de seguridad.</translation>
    </message>
    <message>
        <source>{name} may only view this vault, not change it.</source>
        <translation>{name} solo puede ver esta bóveda, no cambiarla.</translation>
    </message>
    <message>
        <source>This person may only view this vault, not change it.</source>
        <translation>Esta persona solo puede ver esta bóveda, no cambiarla.</translation>
    </message>
    <message>
        <source>You were not given access to {scope} records, so you cannot add or change them.</source>
        <translation>No se le dio acceso a los registros de {scope}, así que no puede añadirlos ni cambiarlos.</translation>
    </message>
    <message>
        <source>Your keyring does not hold the current key of the {scope} part yet, so you cannot add or change its records; ask the vault&apos;s owner to open the vault.</source>
        <translation>Su llavero aún no tiene la clave actual de la parte {scope}, así que no puede añadir ni cambiar sus registros; pida a la persona propietaria que abra la bóveda.</translation>
    </message>
    <message>
        <source>Your keyring has no signing key yet; ask the vault&apos;s owner to open the vault.</source>
        <translation>Su llavero aún no tiene clave de firma; pida a la persona propietaria que abra la bóveda.</translation>
    </message>
    <message>
        <source>Only the vault&apos;s owner can add, change or remove people.</source>
        <translation>Solo la persona propietaria de la bóveda puede añadir, cambiar o quitar personas.</translation>
    </message>
    <message>
        <source>The owner always holds every section and can edit; that cannot be changed.</source>
        <translation>La persona propietaria siempre tiene todas las secciones y puede editar; eso no se puede cambiar.</translation>
    </message>
    <message>
        <source>The vault&apos;s owner cannot be removed.</source>
        <translation>No se puede quitar a la persona propietaria de la bóveda.</translation>
    </message>
    <message>
        <source>Only the owner may make an emergency kit for someone else; you can make your own.</source>
        <translation>Solo la persona propietaria puede hacer un kit de emergencia para otra persona; usted puede hacer el suyo.</translation>
    </message>
    <message>
        <source>{name} must make their own emergency kit when they unlock the vault: their secret key opens only with their passphrase, so nobody else has it.</source>
        <translation>{name} debe hacer su propio kit de emergencia cuando desbloquee la bóveda: su clave secreta solo se abre con su frase de contraseña, así que nadie más la tiene.</translation>
    </message>
    <message>
        <source>{path} does not exist; check the file name.</source>
        <translation>{path} no existe; revise el nombre del archivo.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file; give the files inside it.</source>
        <translation>{path} es una carpeta, no un archivo; indique los archivos que contiene.</translation>
    </message>
    <message>
        <source>{path} cannot be read (permission denied).</source>
        <translation>{path} no se puede leer (permiso denegado).</translation>
    </message>
    <message>
        <source>{label} is empty; there is nothing to store.</source>
        <translation>{label} está vacío; no hay nada que guardar.</translation>
    </message>
    <message>
        <source>{label} changed while it was being stored; nothing was stored. Try again.</source>
        <translation>{label} cambió mientras se guardaba; no se guardó nada. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>{label} is already in the vault as &quot;{title}&quot;; it was not stored twice.</source>
        <translation>{label} ya está en la bóveda como «{title}»; no se guardó dos veces.</translation>
    </message>
    <message>
        <source>{label} is already in the vault as &quot;{title}&quot; (in the trash); it was not stored twice.</source>
        <translation>{label} ya está en la bóveda como «{title}» (en la papelera); no se guardó dos veces.</translation>
    </message>
    <message>
        <source>Cannot write {path}: permission denied; choose another folder.</source>
        <translation>No se puede escribir {path}: permiso denegado; elija otra carpeta.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist; create it or choose another.</source>
        <translation>La carpeta {folder} no existe; créela o elija otra.</translation>
    </message>
    <message>
        <source>{path} is a link to a file that does not exist, so nothing was written there; choose a new file name in one of your folders.</source>
        <translation>{path} es un enlace a un archivo que no existe, así que no se escribió nada allí; elija un nombre de archivo nuevo en una de sus carpetas.</translation>
    </message>
    <message>
        <source>{path} is {kind}, not an ordinary file, so nothing was written there; choose a new file name in one of your folders.</source>
        <translation>{path} es {kind}, no un archivo normal, así que no se escribió nada allí; elija un nombre de archivo nuevo en una de sus carpetas.</translation>
    </message>
    <message>
        <source>{path} already exists; choose another name or remove it first.</source>
        <translation>{path} ya existe; elija otro nombre o quítelo primero.</translation>
    </message>
    <message>
        <source>{path} was changed while it was being written; nothing was written there. Try again.</source>
        <translation>{path} cambió mientras se escribía; no se escribió nada allí. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Could not write the chart to {path}.</source>
        <translation>No se pudo escribir el gráfico en {path}.</translation>
    </message>
    <message>
        <source>Adding {label} was cancelled; nothing was stored.</source>
        <translation>Se canceló la adición de {label}; no se guardó nada.</translation>
    </message>
    <message>
        <source>Building the packet was cancelled; nothing was written.</source>
        <translation>Se canceló la creación del paquete; no se escribió nada.</translation>
    </message>
    <message>
        <source>Rebuilding the search text was cancelled.</source>
        <translation>Se canceló la reconstrucción del texto de búsqueda.</translation>
    </message>
    <message>
        <source>Building the search index was cancelled.</source>
        <translation>Se canceló la creación del índice de búsqueda.</translation>
    </message>
    <message>
        <source>Checking the vault was cancelled.</source>
        <translation>Se canceló la comprobación de la bóveda.</translation>
    </message>
    <message>
        <source>Changing the keys was interrupted; it continues the next time the owner opens the vault.</source>
        <translation>El cambio de claves se interrumpió; continuará la próxima vez que la persona propietaria abra la bóveda.</translation>
    </message>
    <message>
        <source>Text recognition was cancelled; nothing was changed.</source>
        <translation>Se canceló el reconocimiento de texto; no se cambió nada.</translation>
    </message>
    <message>
        <source>Reading the PDF was cancelled.</source>
        <translation>Se canceló la lectura del PDF.</translation>
    </message>
    <message>
        <source>Reading the PDF took too long and was stopped; it may be damaged. Ask for a new copy, or scan the paper original.</source>
        <translation>La lectura del PDF tardó demasiado y se detuvo; puede estar dañado. Pida una copia nueva o escanee el original en papel.</translation>
    </message>
    <message>
        <source>The PDF needs far more memory than a medical record could, so reading it was stopped. Ask for a new copy, or scan the paper original.</source>
        <translation>El PDF necesita mucha más memoria de la que podría necesitar un informe médico, así que se detuvo su lectura. Pida una copia nueva o escanee el original en papel.</translation>
    </message>
    <message>
        <source>The PDF reader stopped on this file; it may be damaged. Ask for a new copy, or scan the paper original.</source>
        <translation>El lector de PDF se detuvo con este archivo; puede estar dañado. Pida una copia nueva o escanee el original en papel.</translation>
    </message>
    <message>
        <source>The PDF could not be read; it may be damaged. Ask for a new copy, or scan the paper original.</source>
        <translation>No se pudo leer el PDF; puede estar dañado. Pida una copia nueva o escanee el original en papel.</translation>
    </message>
    <message>
        <source>This copy of MBC Vault is incomplete (no PDF task {job}); install it again.</source>
        <translation>Esta copia de MBC Vault está incompleta (falta la tarea de PDF {job}); vuelva a instalarla.</translation>
    </message>
    <message>
        <source>The PDF holds far more text than a medical record could, so it was not read.</source>
        <translation>El PDF contiene muchísimo más texto del que podría tener un documento médico, así que no se leyó.</translation>
    </message>
    <message>
        <source>The demo vault was not made: its fictional PDFs could not be read ({problem}). This copy of MBC Vault may be incomplete; run mbc-vault self-check, or install it again.</source>
        <translation>No se creó la bóveda de demostración: sus PDF ficticios no se pudieron leer ({problem}). Puede que esta copia de MBC Vault esté incompleta; ejecute mbc-vault self-check o vuelva a instalarla.</translation>
    </message>
    <message>
        <source>Text recognition took too long and was stopped.</source>
        <translation>El reconocimiento de texto tardó demasiado y se detuvo.</translation>
    </message>
    <message>
        <source>Text recognition could not read this document.</source>
        <translation>El reconocimiento de texto no pudo leer este documento.</translation>
    </message>
    <message>
        <source>Text recognition needs Tesseract; install the tesseract-ocr package.</source>
        <translation>El reconocimiento de texto necesita Tesseract; instale el paquete tesseract-ocr.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>La carpeta {folder} no existe.</translation>
    </message>
    <message>
        <source>There are no care priorities recorded yet; leave them out or write them first.</source>
        <translation>Aún no hay prioridades de cuidado registradas; déjelas fuera o escríbalas primero.</translation>
    </message>
    <message>
        <source>The packet would be empty: choose documents or the care summary.</source>
        <translation>El paquete quedaría vacío: elija documentos o el resumen de cuidados.</translation>
    </message>
    <message>
        <source>&quot;{title}&quot; is not a question list.</source>
        <translation>«{title}» no es una lista de preguntas.</translation>
    </message>
    <message>
        <source>&quot;{title}&quot; is not a packet.</source>
        <translation>«{title}» no es un paquete.</translation>
    </message>
    <message>
        <source>The contents pages could not be laid out.</source>
        <translation>No se pudieron maquetar las páginas del índice.</translation>
    </message>
    <message>
        <source>The packet could not be put together; nothing was written. Build it again; if that fails too, leave out the documents you added last.</source>
        <translation>No se pudo armar el paquete; no se guardó nada. Vuelva a crearlo; si vuelve a fallar, deje fuera los últimos documentos que añadió.</translation>
    </message>
    <message>
        <source>The PDF worker no longer holds a document of the packet; build it again.</source>
        <translation>El lector de PDF ya no tiene uno de los documentos del paquete; vuelva a crearlo.</translation>
    </message>
    <message>
        <source>the image cannot be read (it may be damaged): open it in an image viewer and save it again, or scan it again</source>
        <translation>la imagen no se puede leer (puede estar dañada): ábrala en un visor de imágenes y guárdela de nuevo, o escanéela otra vez</translation>
    </message>
    <message>
        <source>the image is {width} by {height} pixels, far larger than a photo or scan could be: save it at a smaller size, or scan it again</source>
        <translation>la imagen mide {width} por {height} píxeles, mucho más de lo que puede medir una foto o un escaneo: guárdela a un tamaño menor, o escanéela otra vez</translation>
    </message>
    <message>
        <source>the image has more than {limit} pages: split it into smaller files, or scan the paper again as PDF</source>
        <translation>la imagen tiene más de {limit} páginas: divídala en archivos más pequeños, o escanee el papel otra vez como PDF</translation>
    </message>
    <message>
        <source>reading it took too long and was stopped; it may be damaged: ask for a new copy, or scan the paper original</source>
        <translation>leerlo tardó demasiado y se detuvo; puede estar dañado: pida una copia nueva o escanee el original en papel</translation>
    </message>
    <message>
        <source>it needs far more memory than a medical record could: ask for a new copy, or scan the paper original</source>
        <translation>necesita mucha más memoria de la que podría necesitar un documento médico: pida una copia nueva o escanee el original en papel</translation>
    </message>
    <message>
        <source>the PDF reader stopped on it; it may be damaged: ask for a new copy, or scan the paper original</source>
        <translation>el lector de PDF se detuvo con él; puede estar dañado: pida una copia nueva o escanee el original en papel</translation>
    </message>
    <message>
        <source>{count} chosen document(s) cannot be included: {problems}</source>
        <translation>{count} documento(s) elegido(s) no se pueden incluir: {problems}</translation>
    </message>
    <message>
        <source>{count} entry(ies) of the kind “{kind}” were incomplete and were left out.</source>
        <translation>{count} entrada(s) del tipo «{kind}» estaban incompletas y se dejaron fuera.</translation>
    </message>
    <message>
        <source>it could not be read from the vault ({why})</source>
        <translation>no se pudo leer de la bóveda ({why})</translation>
    </message>
    <message>
        <source>its format ({media}) cannot be put in a PDF; convert it to PDF, JPEG or PNG first</source>
        <translation>su formato ({media}) no se puede poner en un PDF; conviértalo primero a PDF, JPEG o PNG</translation>
    </message>
    <message>
        <source>it is password-protected; save a copy without the password (or print it to PDF) and add that instead</source>
        <translation>está protegido con contraseña; guarde una copia sin la contraseña (o imprímalo a PDF) y añada esa</translation>
    </message>
    <message>
        <source>it has no pages</source>
        <translation>no tiene páginas</translation>
    </message>
    <message>
        <source>the PDF is damaged ({detail})</source>
        <translation>el PDF está dañado ({detail})</translation>
    </message>
    <message>
        <source>This document is too complex to preview here; export it and open it in your PDF reader.</source>
        <translation>Este documento es demasiado complejo para verlo aquí; expórtelo y ábralo en su lector de PDF.</translation>
    </message>
    <message>
        <source>{label} is not a portal record this app can read (C-CDA XML or an IHE XDM zip, FHIR JSON or NDJSON, or an Apple Health export.zip).</source>
        <translation>{label} no es un registro de portal que esta aplicación pueda leer (XML C-CDA o un zip IHE XDM, JSON FHIR o NDJSON, o un export.zip de Apple Health).</translation>
    </message>
    <message>
        <source>This image cannot be shown here.</source>
        <translation>Esta imagen no se puede mostrar aquí.</translation>
    </message>
    <message>
        <source>{name} is larger than {limit}, far more than a portal download could be, so it was not read.</source>
        <translation>{name} ocupa más de {limit}, mucho más de lo que podría ocupar una descarga del portal, así que no se leyó.</translation>
    </message>
    <message>
        <source>{name} is not a FHIR resource or bundle.</source>
        <translation>{name} no es un recurso ni un paquete FHIR.</translation>
    </message>
    <message>
        <source>Reading {name} was cancelled; nothing was stored.</source>
        <translation>La lectura de {name} se canceló; no se guardó nada.</translation>
    </message>
    <message>
        <source>{count} line(s) could not be read and were left out.</source>
        <translation>{count} línea(s) no se pudieron leer y se dejaron fuera.</translation>
    </message>
    <message>
        <source>{count} result(s) had no value and were left out.</source>
        <translation>{count} resultado(s) no tenían valor y se dejaron fuera.</translation>
    </message>
    <message>
        <source>{count} record(s) of a kind MBC Vault does not keep were left out.</source>
        <translation>{count} registro(s) de un tipo que MBC Vault no guarda se dejaron fuera.</translation>
    </message>
    <message>
        <source>{name} holds more than {limit} records, more than a portal download could; it was not read.</source>
        <translation>{name} contiene más de {limit} registros, más de los que podría tener una descarga del portal; no se leyó.</translation>
    </message>
    <message>
        <source>{name} cannot be read: its JSON is damaged. Download it again from the portal.</source>
        <translation>No se puede leer {name}: su JSON está dañado. Descárguelo de nuevo del portal.</translation>
    </message>
    <message>
        <source>The patient summary comes from the medical part, which you were not given; nothing was written.</source>
        <translation>El resumen del paciente sale de la parte médica, a la que usted no tiene acceso; no se guardó nada.</translation>
    </message>
    <message>
        <source>Exporting the patient summary was cancelled; nothing was written.</source>
        <translation>Se canceló la exportación del resumen del paciente; no se guardó nada.</translation>
    </message>
    <message>
        <source>{count} date(s) gave only a year; they were kept as 1 January of that year, with the date as given in the entry&apos;s notes.</source>
        <translation>{count} fecha(s) indicaban solo el año; se guardaron como el 1 de enero de ese año, con la fecha tal como venía en las notas de la entrada.</translation>
    </message>
    <message>
        <source>{count} date(s) gave only a month; they were kept as the first day of that month, with the date as given in the entry&apos;s notes.</source>
        <translation>{count} fecha(s) indicaban solo el mes; se guardaron como el primer día de ese mes, con la fecha tal como venía en las notas de la entrada.</translation>
    </message>
    <message>
        <source>{count} date(s) were given as an age; the date was left empty and the age written in the entry&apos;s notes.</source>
        <translation>{count} fecha(s) venían como una edad; la fecha se dejó vacía y la edad se anotó en las notas de la entrada.</translation>
    </message>
    <message>
        <source>{count} date(s) were not calendar dates; the date was left empty and the words written in the entry&apos;s notes.</source>
        <translation>{count} fecha(s) no eran fechas del calendario; la fecha se dejó vacía y el texto se anotó en las notas de la entrada.</translation>
    </message>
    <message>
        <source>{count} date(s) of birth were not whole dates and were not kept: enter the date of birth under About me.</source>
        <translation>{count} fecha(s) de nacimiento no eran fechas completas y no se guardaron: escriba la fecha de nacimiento en Sobre mí.</translation>
    </message>
</context>
<context>
    <name>FieldErrors</name>
    <message>
        <source>Problem with {0}</source>
        <translation>Problema en {0}</translation>
    </message>
</context>
<context>
    <name>FieldLabels</name>
    <message>
        <source>ER percent</source>
        <translation>Porcentaje de RE</translation>
    </message>
    <message>
        <source>ER status</source>
        <translation>el estado de RE</translation>
    </message>
    <message>
        <source>HER2 IHC score</source>
        <translation>la puntuación IHQ de HER2</translation>
    </message>
    <message>
        <source>HER2 ISH result</source>
        <translation>el resultado ISH de HER2</translation>
    </message>
    <message>
        <source>Ki-67 percent</source>
        <translation>Porcentaje de Ki-67</translation>
    </message>
    <message>
        <source>MSI / MMR result</source>
        <translation>el resultado de MSI / MMR</translation>
    </message>
    <message>
        <source>PR percent</source>
        <translation>Porcentaje de RP</translation>
    </message>
    <message>
        <source>PR status</source>
        <translation>el estado de RP</translation>
    </message>
    <message>
        <source>PIK3CA result</source>
        <translation>el resultado de PIK3CA</translation>
    </message>
    <message>
        <source>ESR1 result</source>
        <translation>el resultado de ESR1</translation>
    </message>
    <message>
        <source>NTRK result</source>
        <translation>el resultado de NTRK</translation>
    </message>
    <message>
        <source>best response</source>
        <translation>la mejor respuesta</translation>
    </message>
    <message>
        <source>biopsy date</source>
        <translation>fecha de la biopsia</translation>
    </message>
    <message>
        <source>biopsy site</source>
        <translation>el lugar de la biopsia</translation>
    </message>
    <message>
        <source>date</source>
        <translation>fecha</translation>
    </message>
    <message>
        <source>date it was found</source>
        <translation>fecha en que se encontró</translation>
    </message>
    <message>
        <source>date metastatic disease was found</source>
        <translation>fecha en que se encontró la enfermedad metastásica</translation>
    </message>
    <message>
        <source>date of first diagnosis</source>
        <translation>fecha del primer diagnóstico</translation>
    </message>
    <message>
        <source>date signed</source>
        <translation>fecha de firma</translation>
    </message>
    <message>
        <source>date you told them</source>
        <translation>fecha en que se lo contó</translation>
    </message>
    <message>
        <source>germline BRCA result</source>
        <translation>el resultado de BRCA germinal</translation>
    </message>
    <message>
        <source>histology</source>
        <translation>la histología</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>el tipo</translation>
    </message>
    <message>
        <source>kind of diagnosis</source>
        <translation>el tipo de diagnóstico</translation>
    </message>
    <message>
        <source>paper</source>
        <translation>el documento</translation>
    </message>
    <message>
        <source>reason stopped</source>
        <translation>el motivo de la suspensión</translation>
    </message>
    <message>
        <source>review-by date</source>
        <translation>fecha de revisión</translation>
    </message>
    <message>
        <source>role</source>
        <translation>la función</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>el contexto</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>el sexo</translation>
    </message>
    <message>
        <source>site</source>
        <translation>el sitio</translation>
    </message>
    <message>
        <source>start date</source>
        <translation>fecha de inicio</translation>
    </message>
    <message>
        <source>status</source>
        <translation>el estado</translation>
    </message>
    <message>
        <source>stop date</source>
        <translation>fecha de finalización</translation>
    </message>
    <message>
        <source>allergy or intolerance</source>
        <translation>alergia o intolerancia</translation>
    </message>
    <message>
        <source>date it ended</source>
        <translation>fecha en que terminó</translation>
    </message>
    <message>
        <source>date it started</source>
        <translation>fecha en que empezó</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>fecha de nacimiento</translation>
    </message>
    <message>
        <source>end date</source>
        <translation>fecha de fin</translation>
    </message>
    <message>
        <source>kind of substance</source>
        <translation>tipo de sustancia</translation>
    </message>
    <message>
        <source>lymph-node procedure</source>
        <translation>procedimiento en los ganglios</translation>
    </message>
    <message>
        <source>purpose</source>
        <translation>finalidad</translation>
    </message>
    <message>
        <source>severity</source>
        <translation>gravedad</translation>
    </message>
    <message>
        <source>side</source>
        <translation>lado</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>First steps</source>
        <translation>Primeros pasos</translation>
    </message>
    <message>
        <source>First steps guide</source>
        <translation>Guía de primeros pasos</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>Her2Ihc</name>
    <message>
        <source>IHC 0</source>
        <translation>IHQ 0</translation>
    </message>
    <message>
        <source>IHC 1+</source>
        <translation>IHQ 1+</translation>
    </message>
    <message>
        <source>IHC 2+</source>
        <translation>IHQ 2+</translation>
    </message>
    <message>
        <source>IHC 3+</source>
        <translation>IHQ 3+</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>No se sabe</translation>
    </message>
</context>
<context>
    <name>Her2Ish</name>
    <message>
        <source>ISH amplified</source>
        <translation>ISH amplificado</translation>
    </message>
    <message>
        <source>ISH not amplified</source>
        <translation>ISH no amplificado</translation>
    </message>
    <message>
        <source>ISH not done</source>
        <translation>ISH no realizado</translation>
    </message>
</context>
<context>
    <name>Histologies</name>
    <message>
        <source>Invasive ductal carcinoma</source>
        <translation>Carcinoma ductal invasivo</translation>
    </message>
    <message>
        <source>Invasive lobular carcinoma</source>
        <translation>Carcinoma lobulillar invasivo</translation>
    </message>
    <message>
        <source>Medullary</source>
        <translation>Medular</translation>
    </message>
    <message>
        <source>Mucinous</source>
        <translation>Mucinoso</translation>
    </message>
    <message>
        <source>Tubular</source>
        <translation>Tubular</translation>
    </message>
    <message>
        <source>Metaplastic</source>
        <translation>Metaplásico</translation>
    </message>
    <message>
        <source>Papillary</source>
        <translation>Papilar</translation>
    </message>
    <message>
        <source>Inflammatory</source>
        <translation>Inflamatorio</translation>
    </message>
    <message>
        <source>Paget&apos;s disease</source>
        <translation>Enfermedad de Paget</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otra</translation>
    </message>
</context>
<context>
    <name>HistoryForms</name>
    <message>
        <source>No known allergies:</source>
        <translation>Sin alergias conocidas:</translation>
    </message>
    <message>
        <source>Substance:</source>
        <translation>Sustancia:</translation>
    </message>
    <message>
        <source>e.g. penicillin, peanuts, latex</source>
        <translation>p. ej., penicilina, cacahuetes, látex</translation>
    </message>
    <message>
        <source>Reaction:</source>
        <translation>Reacción:</translation>
    </message>
    <message>
        <source>e.g. rash, swelling, nausea</source>
        <translation>p. ej., sarpullido, hinchazón, náuseas</translation>
    </message>
    <message>
        <source>Allergy or intolerance:</source>
        <translation>Alergia o intolerancia:</translation>
    </message>
    <message>
        <source>Kind of substance:</source>
        <translation>Tipo de sustancia:</translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation>Gravedad:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>Date it started:</source>
        <translation>Fecha de inicio:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notas:</translation>
    </message>
    <message>
        <source>Condition:</source>
        <translation>Enfermedad:</translation>
    </message>
    <message>
        <source>e.g. high blood pressure, diabetes, asthma</source>
        <translation>p. ej., tensión alta, diabetes, asma</translation>
    </message>
    <message>
        <source>Date it ended:</source>
        <translation>Fecha de fin:</translation>
    </message>
    <message>
        <source>Surgery or procedure:</source>
        <translation>Cirugía o procedimiento:</translation>
    </message>
    <message>
        <source>e.g. lumpectomy, mastectomy, port placement</source>
        <translation>p. ej., tumorectomía, mastectomía, colocación de un port</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Fecha:</translation>
    </message>
    <message>
        <source>Side:</source>
        <translation>Lado:</translation>
    </message>
    <message>
        <source>Lymph-node procedure:</source>
        <translation>Procedimiento en los ganglios:</translation>
    </message>
    <message>
        <source>Lymph-node procedure (if other):</source>
        <translation>Procedimiento en los ganglios (si es otro):</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Dónde:</translation>
    </message>
    <message>
        <source>Surgeon:</source>
        <translation>Cirujano o cirujana:</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Zona:</translation>
    </message>
    <message>
        <source>where the radiation was aimed, e.g. left breast, spine</source>
        <translation>dónde se aplicó la radioterapia, p. ej., mama izquierda, columna</translation>
    </message>
    <message>
        <source>Total dose (Gy):</source>
        <translation>Dosis total (Gy):</translation>
    </message>
    <message>
        <source>e.g. 40.05</source>
        <translation>p. ej., 40.05</translation>
    </message>
    <message>
        <source>Number of sessions (fractions):</source>
        <translation>Número de sesiones (fracciones):</translation>
    </message>
    <message>
        <source>Start date:</source>
        <translation>Fecha de inicio:</translation>
    </message>
    <message>
        <source>End date:</source>
        <translation>Fecha de fin:</translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation>Finalidad:</translation>
    </message>
    <message>
        <source>Technique:</source>
        <translation>Técnica:</translation>
    </message>
    <message>
        <source>e.g. IMRT, SBRT, protons</source>
        <translation>p. ej., IMRT, SBRT, protones</translation>
    </message>
    <message>
        <source>Vaccine:</source>
        <translation>Vacuna:</translation>
    </message>
    <message>
        <source>e.g. flu, COVID-19, shingles</source>
        <translation>p. ej., gripe, COVID-19, herpes zóster</translation>
    </message>
    <message>
        <source>Dose:</source>
        <translation>Dosis:</translation>
    </message>
    <message>
        <source>e.g. 2 of 2, booster</source>
        <translation>p. ej., 2 de 2, refuerzo</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Hora:</translation>
    </message>
    <message>
        <source>24-hour clock, e.g. 09:30 or 14:15; leave empty if you do not know</source>
        <translation>formato de 24 horas, p. ej., 09:30 o 14:15; déjelo vacío si no la sabe</translation>
    </message>
    <message>
        <source>Kind of visit:</source>
        <translation>Tipo de consulta:</translation>
    </message>
    <message>
        <source>e.g. oncology follow-up, chemotherapy infusion</source>
        <translation>p. ej., control de oncología, infusión de quimioterapia</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message>
        <source>e.g. scan results, new pain</source>
        <translation>p. ej., resultados de pruebas de imagen, dolor nuevo</translation>
    </message>
    <message>
        <source>With whom:</source>
        <translation>Con quién:</translation>
    </message>
    <message>
        <source>Name printed on the packet:</source>
        <translation>Nombre impreso en el paquete:</translation>
    </message>
    <message>
        <source>Date of birth:</source>
        <translation>Fecha de nacimiento:</translation>
    </message>
</context>
<context>
    <name>HistorySection</name>
    <message>
        <source>Health history</source>
        <translation>Historial de salud</translation>
    </message>
    <message>
        <source>Allergies, other illnesses, surgeries, radiation, vaccines and past visits. A second opinion asks for all the care you have already had.</source>
        <translation>Alergias, otras enfermedades, cirugías, radioterapia, vacunas y consultas anteriores. Para una segunda opinión le pedirán toda la atención que ya ha recibido.</translation>
    </message>
    <message>
        <source>Allergy</source>
        <translation>Alergia</translation>
    </message>
    <message>
        <source>Intolerance</source>
        <translation>Intolerancia</translation>
    </message>
    <message>
        <source>Allergies and intolerances</source>
        <translation>Alergias e intolerancias</translation>
    </message>
    <message>
        <source>Substance</source>
        <translation>Sustancia</translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation>Reacción</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Other conditions</source>
        <translation>Otras enfermedades</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Enfermedad</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Surgeries and procedures</source>
        <translation>Cirugías y procedimientos</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Surgery or procedure</source>
        <translation>Cirugía o procedimiento</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Lado</translation>
    </message>
    <message>
        <source>Lymph nodes</source>
        <translation>Ganglios linfáticos</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Radiation</source>
        <translation>Radioterapia</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Zona</translation>
    </message>
    <message>
        <source>Dose (Gy)</source>
        <translation>Dosis (Gy)</translation>
    </message>
    <message>
        <source>Fractions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalidad</translation>
    </message>
    <message>
        <source>Immunizations</source>
        <translation>Vacunas</translation>
    </message>
    <message>
        <source>Vaccine</source>
        <translation>Vacuna</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dosis</translation>
    </message>
    <message>
        <source>Past visits</source>
        <translation>Consultas anteriores</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Consulta</translation>
    </message>
    <message>
        <source>With whom</source>
        <translation>Con quién</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import documents</source>
        <extracomment>files whose content is already in the vault (not in the table; see _on_read)</extracomment>
        <translation>Importar documentos</translation>
    </message>
    <message>
        <source>Reading the files ({0})…</source>
        <translation>Leyendo los archivos ({0})…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Visible to</source>
        <translation>Visible para</translation>
    </message>
    <message>
        <source>Write dates as YYYY-MM-DD</source>
        <translation>Escriba las fechas así: AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Who will be able to see the file: its category decides the part of the vault it is in</source>
        <translation>Quién podrá ver el archivo: su categoría decide en qué parte de la bóveda se guarda</translation>
    </message>
    <message>
        <source>Files to import</source>
        <translation>Archivos para importar</translation>
    </message>
    <message>
        <source>Category for the selected files</source>
        <translation>Categoría para los archivos seleccionados</translation>
    </message>
    <message>
        <source>(keep each file&apos;s category)</source>
        <translation>(mantener la categoría de cada archivo)</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>Etiquetas, separadas por comas</translation>
    </message>
    <message>
        <source>Tags for the selected files</source>
        <translation>Etiquetas para los archivos seleccionados</translation>
    </message>
    <message>
        <source>Provider or institution</source>
        <translation>Profesional o institución</translation>
    </message>
    <message>
        <source>Provider for the selected files</source>
        <translation>Profesional o institución para los archivos seleccionados</translation>
    </message>
    <message>
        <source>Apply to selected</source>
        <translation>Aplicar a los seleccionados</translation>
    </message>
    <message>
        <source>Apply category, tags and provider to the selected files</source>
        <translation>Aplicar la categoría, las etiquetas y el profesional o institución a los archivos seleccionados</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Progreso de la importación</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>A file&apos;s category decides who can see it (see “Visible to”).</source>
        <translation>La categoría de cada archivo decide quién puede verlo (vea “Visible para”).</translation>
    </message>
    <message>
        <source>Cannot be imported: {0} (see Status).</source>
        <translation>No se pueden importar: {0} (vea Estado).</translation>
    </message>
    <message>
        <source>only you</source>
        <translation>solo usted</translation>
    </message>
    <message>
        <source>you</source>
        <translation>usted</translation>
    </message>
    <message>
        <source>Visible to: {0}</source>
        <translation>Visible para: {0}</translation>
    </message>
    <message>
        <source>Let more people see this file?</source>
        <translation>¿Permitir que más personas vean este archivo?</translation>
    </message>
    <message>
        <source>Let {0} see “{1}”?</source>
        <translation>¿Mostrar “{1}” también a {0}?</translation>
    </message>
    <message>
        <source>Filed as “{0}”, it will be visible to: {1}. Now it is visible to: {2}.</source>
        <translation>Guardado como “{0}”, será visible para: {1}. Ahora es visible para: {2}.</translation>
    </message>
    <message>
        <source>Let more people see these files?</source>
        <translation>¿Permitir que más personas vean estos archivos?</translation>
    </message>
    <message>
        <source>Let {0} see these {1} files?</source>
        <translation>¿Mostrar estos {1} archivos también a {0}?</translation>
    </message>
    <message>
        <source>Filed as “{0}”, they will be visible to: {1}.</source>
        <translation>Guardados como “{0}”, serán visibles para: {1}.</translation>
    </message>
    <message>
        <source>Documents added: {0}.</source>
        <translation>Documentos agregados: {0}.</translation>
    </message>
    <message>
        <source>Category of {0}</source>
        <translation>Categoría de {0}</translation>
    </message>
    <message>
        <source>Already in the vault: {0}. There is nothing new to import.</source>
        <extracomment>GUI-thread time spent filling table rows per event-loop turn (at least one row per turn)</extracomment>
        <translation>Ya están en la bóveda: {0}. No hay nada nuevo que importar.</translation>
    </message>
    <message>
        <source>Ready to import: {0} ({1} already in the vault).</source>
        <translation>Listos para importar: {0} ({1} ya están en la bóveda).</translation>
    </message>
    <message>
        <source>Ready to import: {0}.</source>
        <translation>Listos para importar: {0}.</translation>
    </message>
    <message>
        <source>Check the titles, dates and categories; you can change them.</source>
        <translation>Revise los títulos, las fechas y las categorías; puede cambiarlos.</translation>
    </message>
    <message>
        <source>{0} pages</source>
        <translation>{0} páginas</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 página</translation>
    </message>
    <message>
        <source>no text (scan)</source>
        <translation>sin texto (escaneado)</translation>
    </message>
    <message>
        <source>The import was cancelled; the rest were not added.</source>
        <translation>Se canceló la importación; los demás archivos no se agregaron.</translation>
    </message>
    <message>
        <source>Already in the vault, not stored twice: {0}.</source>
        <translation>Ya estaban en la bóveda y no se guardaron dos veces: {0}.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Stopping after the current file…</source>
        <translation>Se detendrá al terminar el archivo actual…</translation>
    </message>
</context>
<context>
    <name>IpsExport</name>
    <message>
        <source>patient-summary</source>
        <translation>resumen-del-paciente</translation>
    </message>
    <message>
        <source>Export as an International Patient Summary</source>
        <translation>Exportar como Resumen Internacional del Paciente</translation>
    </message>
    <message>
        <source>FHIR JSON (*.json)</source>
        <translation>FHIR JSON (*.json)</translation>
    </message>
    <message>
        <source>Could not export the patient summary</source>
        <translation>No se pudo exportar el resumen del paciente</translation>
    </message>
    <message>
        <source>Exporting the patient summary…</source>
        <translation>Exportando el resumen del paciente…</translation>
    </message>
    <message>
        <source>Patient summary saved</source>
        <translation>Resumen del paciente guardado</translation>
    </message>
    <message>
        <source>The International Patient Summary is saved to {0}.</source>
        <translation>El Resumen Internacional del Paciente se guardó en {0}.</translation>
    </message>
</context>
<context>
    <name>KeyChangeDialog</name>
    <message>
        <source>Changing the keys</source>
        <translation>Cambiando las claves</translation>
    </message>
    <message>
        <source>Re-encrypting the files of the sections concerned…</source>
        <translation>Volviendo a cifrar los archivos de las secciones afectadas…</translation>
    </message>
    <message>
        <source>Progress of the key change</source>
        <translation>Progreso del cambio de claves</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Stop changing the keys</source>
        <translation>Detener el cambio de claves</translation>
    </message>
    <message>
        <source>{0} of {1} files</source>
        <translation>{0} de {1} archivos</translation>
    </message>
    <message>
        <source>Stopping after the current file…</source>
        <translation>Deteniendo después del archivo actual…</translation>
    </message>
    <message>
        <source>The keys were changed, but some files could not be re-encrypted; use Help › Check vault for damage:
</source>
        <translation>Las claves se cambiaron, pero algunos archivos no se pudieron volver a cifrar; use Ayuda › Comprobar daños en la bóveda:
</translation>
    </message>
    <message>
        <source>Done. Files copied before today no longer open with the old keys.</source>
        <translation>Listo. Los archivos copiados antes de hoy ya no se abren con las claves antiguas.</translation>
    </message>
    <message>
        <source>Stopped. Nothing is lost: the key change carries on the next time you open the vault.</source>
        <translation>Detenido. No se ha perdido nada: el cambio de claves continuará la próxima vez que abra la bóveda.</translation>
    </message>
</context>
<context>
    <name>LabValueDialog</name>
    <message>
        <source>Change a lab value</source>
        <translation>Cambiar un resultado de laboratorio</translation>
    </message>
    <message>
        <source>Add a lab value</source>
        <translation>Agregar un resultado de laboratorio</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Optional, e.g. City Hospital lab</source>
        <translation>Opcional, p. ej., laboratorio del Hospital Central</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Fecha:</translation>
    </message>
    <message>
        <source>Test:</source>
        <translation>Prueba:</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>Valor:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Unidad:</translation>
    </message>
    <message>
        <source>Lab:</source>
        <translation>Laboratorio:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
</context>
<context>
    <name>LabsSection</name>
    <message>
        <source>Lab values and tumor markers</source>
        <translation>Resultados de laboratorio y marcadores tumorales</translation>
    </message>
    <message>
        <source>Test:</source>
        <translation>Prueba:</translation>
    </message>
    <message>
        <source>Test to show</source>
        <translation>Prueba que se muestra</translation>
    </message>
    <message>
        <source>Add a value…</source>
        <translation>Agregar un valor…</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Importar CSV…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>No lab values yet. Click “Add a value…”, or “Import CSV…” to bring in a file with the columns date, test, value, unit.</source>
        <translation>Todavía no hay resultados de laboratorio. Haga clic en “Agregar un valor…”, o en “Importar CSV…” para traer un archivo con las columnas date, test, value, unit.</translation>
    </message>
    <message>
        <source>Chart of the chosen test over time</source>
        <translation>Gráfico de la prueba elegida a lo largo del tiempo</translation>
    </message>
    <message>
        <source>Point at a dot to see its date and value.</source>
        <translation>Señale un punto para ver su fecha y su valor.</translation>
    </message>
    <message>
        <source>Value under the pointer</source>
        <translation>Valor bajo el puntero</translation>
    </message>
    <message>
        <source>Values of the chosen test</source>
        <translation>Valores de la prueba elegida</translation>
    </message>
    <message>
        <source>{0} (1 value)</source>
        <translation>{0} (1 valor)</translation>
    </message>
    <message>
        <source>{0} ({1} values)</source>
        <translation>{0} ({1} valores)</translation>
    </message>
    <message>
        <source>1 value in another unit is listed in the table but not drawn.</source>
        <translation>1 valor en otra unidad aparece en la tabla, pero no en el gráfico.</translation>
    </message>
    <message>
        <source>{0} values in another unit are listed in the table but not drawn.</source>
        <translation>{0} valores en otra unidad aparecen en la tabla, pero no en el gráfico.</translation>
    </message>
    <message>
        <source>Choose a CSV file of lab values</source>
        <translation>Elija un archivo CSV de resultados de laboratorio</translation>
    </message>
    <message>
        <source>Importing lab values from {0}…</source>
        <translation>Importando resultados de laboratorio de {0}…</translation>
    </message>
    <message>
        <source>…and {0} more.</source>
        <translation>…y {0} más.</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>No se importó nada</translation>
    </message>
    <message>
        <source>Nothing was imported from {0}: {1} rows need fixing. Correct them in the file, save it, and import it again.</source>
        <translation>No se importó nada de {0}: hay que corregir {1} filas. Corríjalas en el archivo, guárdelo e impórtelo de nuevo.</translation>
    </message>
    <message>
        <source>Imported 1 value from {1}.</source>
        <translation>Se importó 1 valor de {1}.</translation>
    </message>
    <message>
        <source>Imported {0} values from {1}.</source>
        <translation>Se importaron {0} valores de {1}.</translation>
    </message>
    <message>
        <source>1 was already in your record and was skipped.</source>
        <translation>1 ya estaba en su registro y se omitió.</translation>
    </message>
    <message>
        <source>{0} were already in your record and were skipped.</source>
        <translation>{0} ya estaban en su registro y se omitieron.</translation>
    </message>
    <message>
        <source>Lab values imported</source>
        <translation>Resultados de laboratorio importados</translation>
    </message>
    <message>
        <source>Export lab values</source>
        <translation>Exportar resultados de laboratorio</translation>
    </message>
    <message>
        <source>The CSV file will NOT be encrypted: anyone who can open that folder can read your lab values. Delete it when you no longer need it. Continue?</source>
        <translation>El archivo CSV NO estará cifrado: cualquier persona que pueda abrir esa carpeta podrá leer sus resultados de laboratorio. Bórrelo cuando ya no lo necesite. ¿Desea continuar?</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>No se exportó</translation>
    </message>
    <message>
        <source>Exported {0} lab values to {1} (not encrypted).</source>
        <translation>Se exportaron {0} resultados de laboratorio a {1} (sin cifrar).</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Lab</source>
        <translation>Laboratorio</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>en</source>
        <translation>es</translation>
    </message>
</context>
<context>
    <name>LegalItems</name>
    <message>
        <source>Will</source>
        <translation>Testamento</translation>
    </message>
    <message>
        <source>Living will</source>
        <translation>Testamento vital</translation>
    </message>
    <message>
        <source>Health care power of attorney (health care proxy)</source>
        <translation>Poder para decisiones de atención médica (representante de atención médica)</translation>
    </message>
    <message>
        <source>Financial power of attorney</source>
        <translation>Poder notarial para asuntos financieros</translation>
    </message>
    <message>
        <source>Advance directive</source>
        <translation>Directiva anticipada</translation>
    </message>
    <message>
        <source>POLST or DNR order</source>
        <translation>Orden POLST o de no reanimar</translation>
    </message>
    <message>
        <source>Health insurance policy</source>
        <translation>Póliza de seguro médico</translation>
    </message>
    <message>
        <source>Life insurance policy</source>
        <translation>Póliza de seguro de vida</translation>
    </message>
    <message>
        <source>Disability insurance policy</source>
        <translation>Póliza de seguro por discapacidad</translation>
    </message>
    <message>
        <source>Employer short-term disability</source>
        <translation>Incapacidad temporal de corta duración del empleador</translation>
    </message>
    <message>
        <source>Employer long-term disability</source>
        <translation>Incapacidad de larga duración del empleador</translation>
    </message>
</context>
<context>
    <name>LegalSection</name>
    <message>
        <source>Legal and planning papers</source>
        <translation>Documentos legales y de planificación</translation>
    </message>
    <message>
        <source>This is a checklist, not legal advice. The names of these papers and what they need differ from one state or country to another. A lawyer, a social worker or your care team can tell you which ones apply to you.</source>
        <translation>Esta es una lista de verificación, no asesoramiento legal. El nombre de estos documentos y sus requisitos cambian de un estado o país a otro. Un abogado, un trabajador social o su equipo de atención pueden decirle cuáles le corresponden.</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Firmado</translation>
    </message>
    <message>
        <source>Review by</source>
        <translation>Revisar antes de</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Copies with</source>
        <translation>Tienen copia</translation>
    </message>
    <message>
        <source>Papers</source>
        <translation>Adjuntos</translation>
    </message>
    <message>
        <source>Update…</source>
        <translation>Actualizar…</translation>
    </message>
    <message>
        <source>Update the chosen paper</source>
        <translation>Actualizar el documento elegido</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>Mover a la papelera</translation>
    </message>
    <message>
        <source>Move what is recorded for the chosen paper to the trash</source>
        <translation>Mover a la papelera lo registrado para el documento elegido</translation>
    </message>
    <message>
        <source>Time to look again at: {0}.</source>
        <translation>Es momento de revisar: {0}.</translation>
    </message>
    <message>
        <source>Coming up for a look soon: {0}.</source>
        <translation>Pronto habrá que revisar: {0}.</translation>
    </message>
    <message>
        <source>{0}
Review overdue</source>
        <translation>{0}
Revisión vencida</translation>
    </message>
    <message>
        <source>{0}
Review soon</source>
        <translation>{0}
Revisar pronto</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Sin empezar</translation>
    </message>
    <message>
        <source>The date to look at this paper again has passed.</source>
        <translation>Ya pasó la fecha para revisar este documento.</translation>
    </message>
    <message>
        <source>The date to look at this paper again is within two months.</source>
        <translation>Faltan menos de dos meses para la fecha de revisar este documento.</translation>
    </message>
    <message>
        <source>Moved to the trash. Edit ▸ Undo brings it back.</source>
        <translation>Se movió a la papelera. Puede recuperarlo con Editar ▸ Deshacer.</translation>
    </message>
</context>
<context>
    <name>LegalStatus</name>
    <message>
        <source>Not started</source>
        <translation>Sin empezar</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Firmado</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <source>Type or pick a name, then Add</source>
        <translation>Escriba un nombre</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>{0}: a name to add</source>
        <translation>{0}: un nombre para añadir</translation>
    </message>
    <message>
        <source>{0}: added</source>
        <translation>{0}: añadidos</translation>
    </message>
    <message>
        <source>Add to {0}</source>
        <translation>Añadir a {0}</translation>
    </message>
    <message>
        <source>Remove the chosen one from {0}</source>
        <translation>Quitar el elegido de {0}</translation>
    </message>
</context>
<context>
    <name>LymphNodeProcedures</name>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Sentinel lymph node biopsy</source>
        <translation>Biopsia del ganglio centinela</translation>
    </message>
    <message>
        <source>Axillary lymph node dissection</source>
        <translation>Vaciamiento ganglionar axilar</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sections</source>
        <extracomment>the section that shows each kind of entry (and a question of a question list), for search hits what _make_sections sets on the window</extracomment>
        <translation>Secciones</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>My cancer</source>
        <translation>Mi cáncer</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>Tratamiento</translation>
    </message>
    <message>
        <source>Symptoms</source>
        <translation>Síntomas</translation>
    </message>
    <message>
        <source>Tumor markers and labs</source>
        <translation>Marcadores y análisis</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Citas</translation>
    </message>
    <message>
        <source>Care team</source>
        <translation>Equipo de atención</translation>
    </message>
    <message>
        <source>Legal and planning</source>
        <translation>Legal y planificación</translation>
    </message>
    <message>
        <source>People to tell</source>
        <translation>A quién contárselo</translation>
    </message>
    <message>
        <source>My care priorities</source>
        <translation>Prioridades de atención</translation>
    </message>
    <message>
        <source>Clinical trials</source>
        <translation>Ensayos clínicos</translation>
    </message>
    <message>
        <source>H&amp;ealth history</source>
        <translation>&amp;Historial de salud</translation>
    </message>
    <message>
        <source>People and sharing</source>
        <translation>Personas y acceso compartido</translation>
    </message>
    <message>
        <source>Who is signed in</source>
        <translation>Quién inició sesión</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New vault…</source>
        <translation>&amp;Nueva bóveda…</translation>
    </message>
    <message>
        <source>&amp;Open vault…</source>
        <translation>&amp;Abrir bóveda…</translation>
    </message>
    <message>
        <source>&amp;Import documents…</source>
        <translation>&amp;Importar documentos…</translation>
    </message>
    <message>
        <source>Explore a &amp;demo vault</source>
        <translation>Explorar una bóveda de &amp;demostración</translation>
    </message>
    <message>
        <source>Second-opinion &amp;packet…</source>
        <translation>&amp;Paquete para segunda opinión…</translation>
    </message>
    <message>
        <source>Save my &amp;emergency kit…</source>
        <translation>Guardar mi kit de &amp;emergencia…</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Bloquear ahora</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;Copy title</source>
        <translation>&amp;Copiar título</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>Changes from t&amp;wo computers…</source>
        <translation>Cambios de dos co&amp;mputadoras…</translation>
    </message>
    <message>
        <source>Move to &amp;trash</source>
        <translation>Mover a la &amp;papelera</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Resumen</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Documentos</translation>
    </message>
    <message>
        <source>&amp;My cancer</source>
        <translation>&amp;Mi cáncer</translation>
    </message>
    <message>
        <source>&amp;Treatment</source>
        <translation>&amp;Tratamiento</translation>
    </message>
    <message>
        <source>S&amp;ymptoms</source>
        <translation>&amp;Síntomas</translation>
    </message>
    <message>
        <source>&amp;Labs</source>
        <translation>&amp;Laboratorio</translation>
    </message>
    <message>
        <source>&amp;Appointments</source>
        <translation>&amp;Citas</translation>
    </message>
    <message>
        <source>&amp;Care team</source>
        <translation>&amp;Equipo de atención</translation>
    </message>
    <message>
        <source>Le&amp;gal and planning</source>
        <translation>Legal y pla&amp;nificación</translation>
    </message>
    <message>
        <source>&amp;People to tell</source>
        <translation>A &amp;quién contárselo</translation>
    </message>
    <message>
        <source>Clinical t&amp;rials</source>
        <translation>Ensa&amp;yos clínicos</translation>
    </message>
    <message>
        <source>Health history</source>
        <translation>Historial de salud</translation>
    </message>
    <message>
        <source>People and s&amp;haring</source>
        <translation>Personas y &amp;acceso compartido</translation>
    </message>
    <message>
        <source>Import &amp;records from a patient portal…</source>
        <translation>Importar &amp;registros de un portal del paciente…</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>Texto más &amp;pequeño</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;First steps</source>
        <translation>&amp;Primeros pasos</translation>
    </message>
    <message>
        <source>&amp;Check vault for damage</source>
        <translation>&amp;Revisar si la bóveda tiene daños</translation>
    </message>
    <message>
        <source>&amp;About MBC Vault</source>
        <translation>&amp;Acerca de MBC Vault</translation>
    </message>
    <message>
        <source>Your passphrase is saved. Use it from now on.</source>
        <translation>Su frase de contraseña está guardada. Úsela a partir de ahora.</translation>
    </message>
    <message>
        <source>Your setup code still works: choose your own passphrase the next time you unlock.</source>
        <translation>Su código de configuración sigue sirviendo: elija su propia frase de contraseña la próxima vez que desbloquee.</translation>
    </message>
    <message>
        <source>Some records were changed on two computers: Edit ▸ Changes from two computers… to compare them.</source>
        <translation>Algunos registros se cambiaron en dos computadoras: use Editar ▸ Cambios de dos computadoras… para compararlos.</translation>
    </message>
    <message>
        <source>Signed in as {0} · Unlocked</source>
        <translation>Sesión iniciada como {0} · Desbloqueada</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Bloqueada</translation>
    </message>
    <message>
        <source>Locked after 1 minute without use.</source>
        <translation>Se bloqueó tras 1 minuto sin uso.</translation>
    </message>
    <message>
        <source>Locked after {0} minutes without use.</source>
        <translation>Se bloqueó tras {0} minutos sin uso.</translation>
    </message>
    <message>
        <source>Locked. Your records are closed.</source>
        <translation>Bóveda bloqueada. Sus registros están cerrados.</translation>
    </message>
    <message>
        <source>Your new passphrase is saved. An old copy of your key file opens nothing written from now on. Save a new emergency kit (File ▸ Save my emergency kit…): the old one holds the old key.</source>
        <translation>Su nueva frase de contraseña está guardada. Una copia antigua de su archivo de clave no abre nada de lo que se escriba a partir de ahora. Guarde un nuevo kit de emergencia (Archivo ▸ Guardar mi kit de emergencia…): el anterior contiene la clave antigua.</translation>
    </message>
    <message>
        <source>Your new passphrase is saved. An old copy of your key file opens nothing written after the vault&apos;s owner next opens the vault. Save a new emergency kit (File ▸ Save my emergency kit…): the old one holds the old key.</source>
        <translation>Su nueva frase de contraseña está guardada. Una copia antigua de su archivo de clave no abrirá nada de lo que se escriba después de que la persona dueña de la bóveda la vuelva a abrir. Guarde un nuevo kit de emergencia (Archivo ▸ Guardar mi kit de emergencia…): el anterior contiene la clave antigua.</translation>
    </message>
    <message>
        <source>Your emergency kit</source>
        <translation>Su kit de emergencia</translation>
    </message>
    <message>
        <source>If you ever forget your passphrase, or this program is not available, an emergency kit lets you or someone you trust still open your records.

It is a one-page PDF with your recovery secret in plain text: print it, store the paper like a will, and delete the file. Anyone with the kit and a copy of the vault folder can read everything you can read.

You can also save it later from the File menu.</source>
        <translation>Si algún día olvida su frase de contraseña, o este programa no está disponible, un kit de emergencia le permite a usted, o a alguien de su confianza, abrir igualmente sus documentos.

Es un PDF de una página con su clave de recuperación en texto legible: imprímalo, guarde el papel como guardaría su testamento y borre el archivo. Cualquier persona que tenga el kit y una copia de la carpeta de la bóveda puede leer todo lo que usted puede leer.

También puede guardarlo más adelante desde el menú Archivo.</translation>
    </message>
    <message>
        <source>Save my emergency kit…</source>
        <translation>Guardar mi kit de emergencia…</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Más tarde</translation>
    </message>
    <message>
        <source>emergency-kit</source>
        <translation>kit-de-emergencia</translation>
    </message>
    <message>
        <source>Save my emergency kit</source>
        <translation>Guardar mi kit de emergencia</translation>
    </message>
    <message>
        <source>Saving your emergency kit…</source>
        <translation>Guardando su kit de emergencia…</translation>
    </message>
    <message>
        <source>Could not save the emergency kit</source>
        <translation>No se pudo guardar el kit de emergencia</translation>
    </message>
    <message>
        <source>Emergency kit saved</source>
        <translation>Kit de emergencia guardado</translation>
    </message>
    <message>
        <source>Your emergency kit is saved to {0}.

It holds your recovery secret in plain text. Print it, store the paper like a will (tell someone you trust where it is), then delete the file.</source>
        <translation>Su kit de emergencia se guardó en {0}.

Contiene su clave de recuperación en texto legible. Imprímalo, guarde el papel como guardaría su testamento (y cuéntele a alguien de su confianza dónde está) y después borre el archivo.</translation>
    </message>
    <message>
        <source>Choose the vault folder</source>
        <translation>Elegir la carpeta de la bóveda</translation>
    </message>
    <message>
        <source>Not a vault</source>
        <translation>No es una bóveda</translation>
    </message>
    <message>
        <source>The demo vault&apos;s passphrase is: {0}</source>
        <translation>La frase de contraseña de la bóveda de demostración es: {0}</translation>
    </message>
    <message>
        <source>Creating the demo vault with fictional records…</source>
        <translation>Creando la bóveda de demostración con registros ficticios…</translation>
    </message>
    <message>
        <source>Could not create the demo vault</source>
        <translation>No se pudo crear la bóveda de demostración</translation>
    </message>
    <message>
        <source>Everything is intact. Records checked: {0}; documents checked: {1}.</source>
        <translation>Todo está intacto. Registros revisados: {0}; documentos revisados: {1}.</translation>
    </message>
    <message>
        <source>Some files are damaged, or were not written by someone allowed to. They are not used, and nothing of yours was changed. Restore them from a backup:

</source>
        <translation>Algunos archivos están dañados o no los escribió alguien con permiso. No se usan y nada de lo suyo cambió. Restáurelos desde un respaldo:

</translation>
    </message>
    <message>
        <source>Demo vault</source>
        <translation>Bóveda de demostración</translation>
    </message>
    <message>
        <source>Log a s&amp;ymptom…</source>
        <translation>Anotar un sín&amp;toma…</translation>
    </message>
    <message>
        <source>Change my passp&amp;hrase…</source>
        <translation>Cambiar mi &amp;frase de contraseña…</translation>
    </message>
    <message>
        <source>{0} is not an MBC Vault folder. Choose the folder that contains vault.json (or MBC-VAULT.json).</source>
        <translation>{0} no es una carpeta de MBC Vault. Elija la carpeta que contiene el archivo vault.json (o MBC-VAULT.json).</translation>
    </message>
    <message>
        <source>This vault holds fictional records only. Its passphrase is:

{0}

Look around freely.</source>
        <translation>Esta bóveda solo contiene registros ficticios. Su frase de contraseña es:

{0}

Explórela con toda libertad.</translation>
    </message>
    <message>
        <source>Checking every file of the vault…</source>
        <translation>Revisando cada archivo de la bóveda…</translation>
    </message>
    <message>
        <source>Check failed</source>
        <translation>No se pudo hacer la revisión</translation>
    </message>
    <message>
        <source>Vault check</source>
        <translation>Revisión de la bóveda</translation>
    </message>
    <message>
        <source>About MBC Vault</source>
        <translation>Acerca de MBC Vault</translation>
    </message>
    <message>
        <source>MBC Vault keeps your records encrypted on your own computer. Every file is a standard age file: see docs/recovery.md to recover them without this program.</source>
        <translation>MBC Vault guarda sus registros cifrados en su propia computadora. Cada archivo es un archivo age estándar: consulte docs/recovery.md para recuperarlos sin este programa.</translation>
    </message>
    <message>
        <source>My care pr&amp;iorities</source>
        <translation>Mis pri&amp;oridades de atención</translation>
    </message>
    <message>
        <source>The arrow keys choose a section; Tab moves into it. Ctrl+1 to Ctrl+9 go straight there.</source>
        <translation>Las flechas eligen una sección; Tab entra en ella. Ctrl+1 a Ctrl+9 van directamente.</translation>
    </message>
    <message>
        <source>Document col&amp;umns</source>
        <translation>Col&amp;umnas de documentos</translation>
    </message>
    <message>
        <source>Larger te&amp;xt</source>
        <translation>Texto más &amp;grande</translation>
    </message>
    <message>
        <source>E&amp;xport as an International Patient Summary (IPS)…</source>
        <translation>E&amp;xportar como Resumen Internacional del Paciente (IPS)…</translation>
    </message>
</context>
<context>
    <name>MedicationKinds</name>
    <message>
        <source>Prescription</source>
        <translation>Con receta</translation>
    </message>
    <message>
        <source>Over the counter</source>
        <translation>Sin receta</translation>
    </message>
    <message>
        <source>Supplement or vitamin</source>
        <translation>Suplemento o vitamina</translation>
    </message>
    <message>
        <source>Herb or botanical</source>
        <translation>Hierba o planta medicinal</translation>
    </message>
</context>
<context>
    <name>MetastasisSites</name>
    <message>
        <source>Bone</source>
        <translation>Hueso</translation>
    </message>
    <message>
        <source>Liver</source>
        <translation>Hígado</translation>
    </message>
    <message>
        <source>Lung</source>
        <translation>Pulmón</translation>
    </message>
    <message>
        <source>Brain</source>
        <translation>Cerebro</translation>
    </message>
    <message>
        <source>Lymph nodes</source>
        <translation>Ganglios linfáticos</translation>
    </message>
    <message>
        <source>Skin</source>
        <translation>Piel</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
</context>
<context>
    <name>MsiResults</name>
    <message>
        <source>MSI-H / dMMR</source>
        <translation>MSI-H / dMMR</translation>
    </message>
    <message>
        <source>MSS / pMMR</source>
        <translation>MSS / pMMR</translation>
    </message>
    <message>
        <source>Not tested / not known</source>
        <translation>No analizado / no se sabe</translation>
    </message>
</context>
<context>
    <name>MutationResults</name>
    <message>
        <source>Detected</source>
        <translation>Detectada</translation>
    </message>
    <message>
        <source>Not detected</source>
        <translation>No detectada</translation>
    </message>
    <message>
        <source>Not tested / not known</source>
        <translation>No analizada / no se sabe</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <source>Step {0} of {1}: options</source>
        <translation>Paso {0} de {1}: opciones</translation>
    </message>
    <message>
        <source>Page numbers, my name and date of birth at the foot of every page</source>
        <translation>Números de página, mi nombre y fecha de nacimiento al pie de cada página</translation>
    </message>
    <message>
        <source>A care summary from “My cancer” and “Treatment”</source>
        <translation>Un resumen de atención a partir de “Mi cáncer” y “Tratamiento”</translation>
    </message>
    <message>
        <source>My care priorities</source>
        <translation>Mis prioridades de atención</translation>
    </message>
    <message>
        <source>My care priorities (none written yet)</source>
        <translation>Mis prioridades de atención (aún no escritas)</translation>
    </message>
    <message>
        <source>Question list to include</source>
        <translation>Lista de preguntas que incluir</translation>
    </message>
    <message>
        <source>No question list</source>
        <translation>Sin lista de preguntas</translation>
    </message>
    <message>
        <source>Questions for the consultation:</source>
        <translation>Preguntas para la consulta:</translation>
    </message>
    <message>
        <source>Materials sent separately</source>
        <translation>Materiales enviados aparte</translation>
    </message>
    <message>
        <source>Slides, blocks and imaging discs travel on their own. List them here and the packet gets a page the center can check them against.</source>
        <translation>Las laminillas, los bloques y los discos de imágenes se envían por separado. Anótelos aquí y el paquete llevará una página con la que el centro podrá comprobarlos.</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Requested from</source>
        <translation>Pedido a</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>Enviado el</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>Número de seguimiento</translation>
    </message>
    <message>
        <source>Pathology slides</source>
        <translation>Laminillas de patología</translation>
    </message>
    <message>
        <source>Pathology blocks</source>
        <translation>Bloques de patología</translation>
    </message>
    <message>
        <source>Imaging disc (CD or DVD)</source>
        <translation>Disco de imágenes (CD o DVD)</translation>
    </message>
    <message>
        <source>Kind of material</source>
        <translation>Tipo de material</translation>
    </message>
    <message>
        <source>Add a row</source>
        <translation>Añadir una fila</translation>
    </message>
    <message>
        <source>Remove the row</source>
        <translation>Quitar la fila</translation>
    </message>
    <message>
        <source>Password (recommended for email)</source>
        <translation>Contraseña (recomendada para el correo)</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>The password again:</source>
        <translation>La contraseña otra vez:</translation>
    </message>
    <message>
        <source>With a password the PDF is locked with AES-256 and opens only with it. Send the password separately, by phone or text message, never in the same email as the packet. Leave it empty for a packet you hand over in person.</source>
        <translation>Con una contraseña, el PDF queda cifrado con AES-256 y solo se abre con ella. Envíe la contraseña por separado, por teléfono o mensaje de texto, nunca en el mismo correo que el paquete. Déjela vacía si va a entregar el paquete en persona.</translation>
    </message>
    <message>
        <source>Letter (US)</source>
        <translation>Carta (EE. UU.)</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>Tamaño de página</translation>
    </message>
    <message>
        <source>Page size of the cover and summary:</source>
        <translation>Tamaño de página de la portada y el resumen:</translation>
    </message>
    <message>
        <source>The two passwords are not the same. Please type them again.</source>
        <translation>Las dos contraseñas no coinciden. Por favor, escríbalas de nuevo.</translation>
    </message>
    <message>
        <source>The password cannot contain a line break.</source>
        <translation>La contraseña no puede contener un salto de línea.</translation>
    </message>
</context>
<context>
    <name>OverviewSection</name>
    <message>
        <source>Import documents…</source>
        <translation>Importar documentos…</translation>
    </message>
    <message>
        <source>Search my records</source>
        <translation>Buscar en mis registros</translation>
    </message>
    <message>
        <source>Import documents</source>
        <translation>Importar documentos</translation>
    </message>
    <message>
        <source>Recently added documents</source>
        <translation>Documentos agregados recientemente</translation>
    </message>
    <message>
        <source>Hello, {0}</source>
        <translation>Hola, {0}</translation>
    </message>
    <message>
        <source>Hello</source>
        <translation>Hola</translation>
    </message>
    <message>
        <source>Medical records</source>
        <translation>Registros médicos</translation>
    </message>
    <message>
        <source>Legal and planning</source>
        <translation>Legal y planificación</translation>
    </message>
    <message>
        <source>Care notes</source>
        <translation>Notas de cuidado</translation>
    </message>
    <message>
        <source>Current treatment</source>
        <translation>Tratamiento actual</translation>
    </message>
    <message>
        <source>Next appointment</source>
        <translation>Próxima cita</translation>
    </message>
    <message>
        <source>Legal papers to review</source>
        <translation>Documentos legales por revisar</translation>
    </message>
    <message>
        <source>Latest symptoms</source>
        <translation>Últimos síntomas</translation>
    </message>
    <message>
        <source>Tumor markers</source>
        <translation>Marcadores tumorales</translation>
    </message>
    <message>
        <source>In your vault</source>
        <translation>En su bóveda</translation>
    </message>
    <message>
        <source>Recently added</source>
        <translation>Agregados recientemente</translation>
    </message>
    <message>
        <source>Documents in “{0}”: {1}.</source>
        <translation>Documentos en “{0}”: {1}.</translation>
    </message>
    <message>
        <source>This vault folder went back to an older state than this computer saw before (an older copy or backup was put in its place, or someone rolled it back). Changes are refused until the newest copy of the folder is back: restore it from your sync tool or backup.</source>
        <translation>Esta carpeta de la bóveda volvió a un estado más antiguo del que esta computadora ya había visto (se puso en su lugar una copia o respaldo anterior, o alguien la hizo retroceder). No se aceptan cambios hasta que vuelva la copia más reciente de la carpeta: restáurela desde su herramienta de sincronización o su respaldo.</translation>
    </message>
    <message>
        <source>{0} files could not be read or were not written by someone allowed to: use Help ▸ Check vault for damage.</source>
        <translation>{0} archivos no se pudieron leer o no los escribió alguien con permiso: use Ayuda ▸ Revisar si la bóveda tiene daños.</translation>
    </message>
    <message>
        <source>In the trash: {0}</source>
        <translation>En la papelera: {0}</translation>
    </message>
    <message>
        <source>No ongoing line of treatment recorded.</source>
        <translation>No hay ninguna línea de tratamiento en curso registrada.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;since {1}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;desde {1}</translation>
    </message>
    <message>
        <source>No upcoming appointment.</source>
        <translation>No hay próximas citas.</translation>
    </message>
    <message>
        <source>Open questions: {0}</source>
        <translation>Preguntas pendientes: {0}</translation>
    </message>
    <message>
        <source>Nothing to review now.</source>
        <translation>Nada que revisar por ahora.</translation>
    </message>
    <message>
        <source>overdue since {0}</source>
        <translation>revisión vencida desde {0}</translation>
    </message>
    <message>
        <source>review by {0}</source>
        <translation>revisar antes de {0}</translation>
    </message>
    <message>
        <source>No symptoms logged. Use Ctrl+Shift+S to log one.</source>
        <translation>No hay síntomas anotados. Use Ctrl+Mayús+S para anotar uno.</translation>
    </message>
    <message>
        <source>from {0:g}</source>
        <translation>desde {0:g}</translation>
    </message>
    <message>
        <source>No lab values recorded.</source>
        <translation>No hay resultados de laboratorio registrados.</translation>
    </message>
    <message>
        <source>Documents shared with you in “{0}”: {1}.</source>
        <translation>Documentos compartidos con usted en “{0}”: {1}.</translation>
    </message>
    <message>
        <source>not shared with you</source>
        <translation>no compartido con usted</translation>
    </message>
    <message>
        <source>Not shared with you.</source>
        <translation>No compartido con usted.</translation>
    </message>
    <message>
        <source>No symptoms logged.</source>
        <translation>No hay síntomas anotados.</translation>
    </message>
</context>
<context>
    <name>PacketChecklist</name>
    <message>
        <source>1 in the vault</source>
        <translation>1 en la bóveda</translation>
    </message>
    <message>
        <source>{0} in the vault</source>
        <translation>{0} en la bóveda</translation>
    </message>
    <message>
        <source>No pathology report from the metastatic biopsy ({0}, {1}).</source>
        <translation>No hay informe de patología de la biopsia de la metástasis ({0}, {1}).</translation>
    </message>
    <message>
        <source>date not recorded</source>
        <translation>fecha no anotada</translation>
    </message>
    <message>
        <source>No pathology report from the metastatic biopsy (nothing dated on or after {0}).</source>
        <translation>No hay informe de patología de la biopsia de la metástasis (nada con fecha del {0} o posterior).</translation>
    </message>
    <message>
        <source>No pathology reports yet. Ask the hospital where your biopsies were done.</source>
        <translation>Aún no hay informes de patología. Pídalos al hospital donde le hicieron las biopsias.</translation>
    </message>
    <message>
        <source>Pathology reports</source>
        <translation>Informes de patología</translation>
    </message>
    <message>
        <source>No treatment plan. Ask your oncologist for your current treatment plan.</source>
        <translation>No hay plan de tratamiento. Pida a su oncólogo/a su plan de tratamiento actual.</translation>
    </message>
    <message>
        <source>The newest treatment plan ({0}) is older than your current treatment (started {1}).</source>
        <translation>El plan de tratamiento más reciente ({0}) es anterior a su tratamiento actual (iniciado el {1}).</translation>
    </message>
    <message>
        <source>Current treatment plan</source>
        <translation>Plan de tratamiento actual</translation>
    </message>
    <message>
        <source>newest from {0}</source>
        <translation>el más reciente del {0}</translation>
    </message>
    <message>
        <source>Care summary</source>
        <translation>Resumen de atención</translation>
    </message>
    <message>
        <source>made from “My cancer” and “Treatment”</source>
        <translation>hecho a partir de “Mi cáncer” y “Tratamiento”</translation>
    </message>
    <message>
        <source>1 line of treatment</source>
        <translation>1 línea de tratamiento</translation>
    </message>
    <message>
        <source>{0} lines of treatment</source>
        <translation>{0} líneas de tratamiento</translation>
    </message>
    <message>
        <source>1 surgery</source>
        <translation>1 cirugía</translation>
    </message>
    <message>
        <source>{0} surgeries</source>
        <translation>{0} cirugías</translation>
    </message>
    <message>
        <source>1 radiation course</source>
        <translation>1 ciclo de radioterapia</translation>
    </message>
    <message>
        <source>{0} radiation courses</source>
        <translation>{0} ciclos de radioterapia</translation>
    </message>
    <message>
        <source>Care received so far</source>
        <translation>Atención recibida hasta ahora</translation>
    </message>
    <message>
        <source>add treatments under “Treatment”, surgery and radiation under “Health history”</source>
        <translation>añada los tratamientos en “Tratamiento”, y las cirugías y la radioterapia en “Historial de salud”</translation>
    </message>
    <message>
        <source>no known allergies</source>
        <translation>sin alergias conocidas</translation>
    </message>
    <message>
        <source>add them under “Health history”</source>
        <translation>añádalas en “Historial de salud”</translation>
    </message>
    <message>
        <source>No allergies recorded: add them, or say there are none, under “Health history”.</source>
        <translation>No hay alergias registradas: añádalas, o indique que no tiene ninguna, en “Historial de salud”.</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Alergias</translation>
    </message>
    <message>
        <source>fill in “My cancer” and “Treatment” to add one</source>
        <translation>complete “Mi cáncer” y “Tratamiento” para añadirlo</translation>
    </message>
    <message>
        <source>No care summary: “My cancer” has no diagnosis or treatment yet.</source>
        <translation>No hay resumen de atención: “Mi cáncer” aún no tiene diagnóstico ni tratamiento.</translation>
    </message>
    <message>
        <source>Operative reports</source>
        <translation>Informes quirúrgicos</translation>
    </message>
    <message>
        <source>only if you had surgery</source>
        <translation>solo si le operaron</translation>
    </message>
    <message>
        <source>Discharge summaries</source>
        <translation>Informes de alta</translation>
    </message>
    <message>
        <source>only if you stayed in hospital</source>
        <translation>solo si tuvo un ingreso en el hospital</translation>
    </message>
    <message>
        <source>Imaging reports</source>
        <translation>Informes de imagen</translation>
    </message>
    <message>
        <source>No imaging report from the last 3 months (the newest is from {0}).</source>
        <translation>No hay informe de imagen de los últimos 3 meses (el más reciente es del {0}).</translation>
    </message>
    <message>
        <source>No imaging reports yet.</source>
        <translation>Aún no hay informes de imagen.</translation>
    </message>
    <message>
        <source>Recent lab results</source>
        <translation>Análisis recientes</translation>
    </message>
    <message>
        <source>No lab results from the last month (the newest are from {0}).</source>
        <translation>No hay análisis del último mes (los más recientes son del {0}).</translation>
    </message>
    <message>
        <source>No lab results yet.</source>
        <translation>Aún no hay análisis.</translation>
    </message>
    <message>
        <source>an unknown date</source>
        <translation>una fecha desconocida</translation>
    </message>
    <message>
        <source>Genomic tests</source>
        <translation>Pruebas genómicas</translation>
    </message>
    <message>
        <source>No genomic test report (tumor or liquid biopsy sequencing). If you had one, ask for the full report.</source>
        <translation>No hay informe de prueba genómica (secuenciación del tumor o biopsia líquida). Si se la hicieron, pida el informe completo.</translation>
    </message>
    <message>
        <source>Medication list</source>
        <translation>Lista de medicamentos</translation>
    </message>
    <message>
        <source>{0} taken now, in the care summary</source>
        <translation>{0} que toma ahora, en el resumen de atención</translation>
    </message>
    <message>
        <source>add them under “Treatment”</source>
        <translation>añádalos en “Tratamiento”</translation>
    </message>
    <message>
        <source>No current medications recorded.</source>
        <translation>No hay medicamentos actuales anotados.</translation>
    </message>
</context>
<context>
    <name>PacketWizard</name>
    <message>
        <source>Second-opinion packet</source>
        <translation>Paquete para segunda opinión</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Siguiente</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <source>Page {0}</source>
        <translation>Página {0}</translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <source>Use four or more unrelated words, e.g. &quot;maple river lantern orchard&quot;.</source>
        <extracomment>a table of more rows than this measures only the rows in view (and a few past them) as it scrolls: measuring every row of thousands (a portal import) would hold the app up for seconds</extracomment>
        <translation>Use cuatro o más palabras al azar, p. ej., “arce río farol huerto”.</translation>
    </message>
    <message>
        <source>Too short: at least 10 characters, better four or more words.</source>
        <translation>Muy corta: al menos 10 caracteres; mejor, cuatro o más palabras.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Fuerte.</translation>
    </message>
    <message>
        <source>Fair. A few more words would make it strong.</source>
        <translation>Aceptable. Con unas palabras más sería fuerte.</translation>
    </message>
    <message>
        <source>Weak. Add more words.</source>
        <translation>Débil. Agregue más palabras.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
</context>
<context>
    <name>PeopleToTellSection</name>
    <message>
        <source>People to tell</source>
        <translation>A quién contárselo</translation>
    </message>
    <message>
        <source>Who you want to tell, and when you are ready. You can ask someone you trust to tell some people for you.</source>
        <translation>A quién quiere contárselo, cuando usted sienta que es el momento. Puede pedirle a alguien de confianza que se lo cuente a algunas personas por usted.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Who they are</source>
        <translation>Quién es</translation>
    </message>
    <message>
        <source>Told</source>
        <translation>Se lo conté</translation>
    </message>
    <message>
        <source>What I want them to know</source>
        <translation>Lo que quiero que sepa</translation>
    </message>
    <message>
        <source>Who else may tell them</source>
        <translation>Quién más puede contárselo</translation>
    </message>
    <message>
        <source>Yes, {0}</source>
        <translation>Sí, {0}</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Todavía no</translation>
    </message>
</context>
<context>
    <name>PortalImportDialog</name>
    <message>
        <source>Patient portal records (*.json *.ndjson *.phr *.xml *.zip);;All files (*)</source>
        <extracomment>seconds between two progress reports of the workers (a report a record would flood the GUI thread)</extracomment>
        <translation>Registros de portales del paciente (*.json *.ndjson *.phr *.xml *.zip);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Choose the files downloaded from a patient portal</source>
        <translation>Elija los archivos descargados de un portal del paciente</translation>
    </message>
    <message>
        <source>Import records from a patient portal</source>
        <translation>Importar registros de un portal del paciente</translation>
    </message>
    <message>
        <source>Reading the files ({0})…</source>
        <translation>Leyendo los archivos ({0})…</translation>
    </message>
    <message>
        <source>Entries to import</source>
        <translation>Entradas que se importarán</translation>
    </message>
    <message>
        <source>Space ticks or unticks the entry or kind of entries; the arrow keys move.</source>
        <translation>La barra espaciadora marca o desmarca la entrada o el tipo de entradas; las flechas mueven.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Progreso de la importación</translation>
    </message>
    <message>
        <source>Checking what is already in your vault…</source>
        <translation>Comprobando lo que ya está en su bóveda…</translation>
    </message>
    <message>
        <source>Reading was cancelled; nothing was saved.</source>
        <translation>Se canceló la lectura; no se guardó nada.</translation>
    </message>
    <message>
        <source>Already in your vault</source>
        <translation>Ya está en su bóveda</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>Sections without entries kept as text with the stored file: {0}.</source>
        <translation>Secciones sin entradas guardadas como texto con el archivo: {0}.</translation>
    </message>
    <message>
        <source>Nothing could be read from these files.</source>
        <translation>No se pudo leer nada de estos archivos.</translation>
    </message>
    <message>
        <source>Nothing new: everything in these files is already in the vault.</source>
        <translation>Nada nuevo: todo lo de estos archivos ya está en la bóveda.</translation>
    </message>
    <message>
        <source>1 entry will be added.</source>
        <translation>Se agregará 1 entrada.</translation>
    </message>
    <message>
        <source>{0} entries will be added.</source>
        <translation>Se agregarán {0} entradas.</translation>
    </message>
    <message>
        <source>Nothing is ticked: tick what you want to add.</source>
        <translation>No hay nada marcado: marque lo que quiere agregar.</translation>
    </message>
    <message>
        <source>Untick what you do not want, then press Import.</source>
        <translation>Desmarque lo que no quiera y pulse Importar.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Saved {0} entries.</source>
        <translation>Se guardaron {0} entradas.</translation>
    </message>
    <message>
        <source>The import was stopped; the rest was not saved.</source>
        <translation>Se detuvo la importación; el resto no se guardó.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
</context>
<context>
    <name>PortalReview</name>
    <message>
        <source>About me</source>
        <extracomment>the internal id of a kind&apos;s row (an entry&apos;s row holds its kind&apos;s position + 1) the order of the kinds in the tree (a kind the core adds later comes after them)</extracomment>
        <translation>Sobre mí</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnóstico</translation>
    </message>
    <message>
        <source>Biomarkers (on a biopsy)</source>
        <translation>Biomarcadores (de una biopsia)</translation>
    </message>
    <message>
        <source>Medications</source>
        <translation>Medicamentos</translation>
    </message>
    <message>
        <source>Lines of treatment</source>
        <translation>Líneas de tratamiento</translation>
    </message>
    <message>
        <source>Lab values</source>
        <translation>Valores de laboratorio</translation>
    </message>
    <message>
        <source>Allergies and intolerances</source>
        <translation>Alergias e intolerancias</translation>
    </message>
    <message>
        <source>Other conditions</source>
        <translation>Otras enfermedades</translation>
    </message>
    <message>
        <source>Surgeries and procedures</source>
        <translation>Cirugías y procedimientos</translation>
    </message>
    <message>
        <source>Radiation</source>
        <translation>Radioterapia</translation>
    </message>
    <message>
        <source>Immunizations</source>
        <translation>Vacunas</translation>
    </message>
    <message>
        <source>Past visits</source>
        <translation>Consultas anteriores</translation>
    </message>
    <message>
        <source>What will be added</source>
        <extracomment>a tick changed (the number of entries to add changed) each kind&apos;s entries: new ones first, then the duplicates each kind&apos;s duplicates (fixed by the plan): counted once, not at each paint of its row</extracomment>
        <translation>Lo que se agregará</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>{0} already in your vault</source>
        <translation>{0} ya en su bóveda</translation>
    </message>
    <message>
        <source>Already in your vault</source>
        <translation>Ya está en su bóveda</translation>
    </message>
    <message>
        <source>Added only if you tick it</source>
        <translation>Se agrega solo si la marca</translation>
    </message>
</context>
<context>
    <name>Presentations</name>
    <message>
        <source>De novo (stage IV at first diagnosis)</source>
        <translation>De novo (estadio IV en el primer diagnóstico)</translation>
    </message>
    <message>
        <source>Recurrence</source>
        <translation>Recurrencia</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Smaller</source>
        <translation>Más pequeño</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>Más grande</translation>
    </message>
    <message>
        <source>Zoom out of the preview</source>
        <translation>Alejar la vista previa</translation>
    </message>
    <message>
        <source>Zoom into the preview</source>
        <translation>Acercar la vista previa</translation>
    </message>
    <message>
        <source>Recognize text (OCR)</source>
        <translation>Reconocer el texto (OCR)</translation>
    </message>
    <message>
        <source>Recognize the text of this scan</source>
        <translation>Reconocer el texto de este documento escaneado</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Stop recognizing the text</source>
        <translation>Detener el reconocimiento del texto</translation>
    </message>
    <message>
        <source>Select a document to see it here.</source>
        <translation>Seleccione un documento para verlo aquí.</translation>
    </message>
    <message>
        <source>Only the beginning of this text is shown here; the rest is in the document. Use “Save a decrypted copy…” to read all of it.</source>
        <translation>Aquí solo se muestra el principio de este texto; el resto está en el documento. Use «Guardar una copia sin cifrar…» para leerlo entero.</translation>
    </message>
    <message>
        <source>PDF preview</source>
        <translation>Vista previa del PDF</translation>
    </message>
    <message>
        <source>Text preview</source>
        <translation>Vista previa del texto</translation>
    </message>
    <message>
        <source>No text (scan): this document cannot be found by its words yet.</source>
        <translation>Sin texto (escaneado): todavía no se puede encontrar este documento buscando sus palabras.</translation>
    </message>
    <message>
        <source>Install Tesseract (tesseract-ocr) to recognize the text.</source>
        <translation>Instale Tesseract (tesseract-ocr) para reconocer el texto.</translation>
    </message>
    <message>
        <source>This PDF cannot be shown here. Use “Save a decrypted copy…” to open it in another program.</source>
        <translation>Este PDF no se puede mostrar aquí. Use “Guardar una copia sin cifrar…” para abrirlo en otro programa.</translation>
    </message>
    <message>
        <source>This image cannot be shown here.</source>
        <translation>Esta imagen no se puede mostrar aquí.</translation>
    </message>
    <message>
        <source>There is no preview for this kind of file.</source>
        <translation>No hay vista previa para este tipo de archivo.</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Ajustar al ancho</translation>
    </message>
    <message>
        <source>Fit the preview to its width</source>
        <translation>Ajustar la vista previa a su ancho</translation>
    </message>
    <message>
        <source>Image preview</source>
        <translation>Vista previa de la imagen</translation>
    </message>
    <message>
        <source>Page {0} of {1}</source>
        <translation>Página {0} de {1}</translation>
    </message>
    <message>
        <source>This document is too complex to preview here; export it and open it in your PDF reader.</source>
        <translation>Este documento es demasiado complejo para verlo aquí; expórtelo y ábralo en su lector de PDF.</translation>
    </message>
    <message>
        <source>This image is too large to preview here; export it and open it in your image viewer.</source>
        <translation>Esta imagen es demasiado grande para verla aquí; expórtela y ábrala en su visor de imágenes.</translation>
    </message>
</context>
<context>
    <name>PrioritiesSection</name>
    <message>
        <source>My care priorities</source>
        <translation>Mis prioridades de atención</translation>
    </message>
    <message>
        <source>Questions many people find worth thinking about, and sharing with their care team and family. Answer any of them, in your own words, when you are ready. You can change an answer at any time; each one shows when you last changed it.</source>
        <translation>Preguntas sobre las que a muchas personas les sirve pensar, y que conviene compartir con el equipo de atención y la familia. Responda las que quiera, con sus propias palabras, cuando le parezca bien. Puede cambiar una respuesta en cualquier momento; cada una muestra cuándo la cambió por última vez.</translation>
    </message>
    <message>
        <source>Save my answers</source>
        <translation>Guardar mis respuestas</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <source>Save my care priorities as a PDF to print or share</source>
        <translation>Guardar mis prioridades de atención como PDF para imprimir o compartir</translation>
    </message>
    <message>
        <source>Last changed {0}</source>
        <translation>Último cambio: {0}</translation>
    </message>
    <message>
        <source>Not answered yet.</source>
        <translation>Todavía sin responder.</translation>
    </message>
    <message>
        <source>Not saved yet.</source>
        <translation>Todavía sin guardar.</translation>
    </message>
    <message>
        <source>Your answers are saved.</source>
        <translation>Sus respuestas están guardadas.</translation>
    </message>
    <message>
        <source>Save my care priorities</source>
        <translation>Guardar mis prioridades de atención</translation>
    </message>
    <message>
        <source>Saved {0}. It is not encrypted.</source>
        <translation>Se guardó {0}. El archivo no está cifrado.</translation>
    </message>
</context>
<context>
    <name>PriorityQuestions</name>
    <message>
        <source>How aggressive do I want treatment to be, and what would I trade for more time?</source>
        <translation>¿Qué tan intenso quiero que sea el tratamiento, y a qué renunciaría a cambio de más tiempo?</translation>
    </message>
    <message>
        <source>What does a good day look like for me? What matters most in my daily life?</source>
        <translation>¿Cómo es un buen día para mí? ¿Qué es lo que más me importa en mi vida diaria?</translation>
    </message>
    <message>
        <source>How important is pain control to me, even if it makes me sleepy?</source>
        <translation>¿Qué tan importante es para mí controlar el dolor, aunque me dé sueño?</translation>
    </message>
    <message>
        <source>Would I be willing to join a clinical trial?</source>
        <translation>¿Estaría dispuesta o dispuesto a participar en un ensayo clínico?</translation>
    </message>
    <message>
        <source>What worries me about insurance and costs?</source>
        <translation>¿Qué me preocupa del seguro y de los costos?</translation>
    </message>
    <message>
        <source>Who can help me with daily life (rides, meals, children, paperwork)?</source>
        <translation>¿Quién me puede ayudar en la vida diaria (transporte, comidas, niños, trámites)?</translation>
    </message>
    <message>
        <source>How do I want my team to talk with me: direct and complete, or gently, step by step?</source>
        <translation>¿Cómo quiero que me hable mi equipo: de forma directa y completa, o con delicadeza, paso a paso?</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Reading {0}</source>
        <translation>Leyendo {0}</translation>
    </message>
    <message>
        <source>Importing {0}</source>
        <translation>Importando {0}</translation>
    </message>
    <message>
        <source>Storing {0}</source>
        <translation>Guardando {0}</translation>
    </message>
    <message>
        <source>Writing the copy</source>
        <translation>Escribiendo la copia</translation>
    </message>
    <message>
        <source>Recognizing the text</source>
        <translation>Reconociendo el texto</translation>
    </message>
    <message>
        <source>Checking the records</source>
        <translation>Comprobando los registros</translation>
    </message>
    <message>
        <source>Building the search index</source>
        <translation>Creando el índice de búsqueda</translation>
    </message>
    <message>
        <source>Reading the documents&apos; text again</source>
        <translation>Volviendo a leer el texto de los documentos</translation>
    </message>
    <message>
        <source>Signing the files again</source>
        <translation>Volviendo a firmar los archivos</translation>
    </message>
    <message>
        <source>Re-encrypting</source>
        <translation>Volviendo a cifrar</translation>
    </message>
    <message>
        <source>Writing the cover, summary and contents</source>
        <translation>Escribiendo la portada, el resumen y el índice</translation>
    </message>
    <message>
        <source>Putting {0} pages together</source>
        <translation>Juntando {0} páginas</translation>
    </message>
    <message>
        <source>Adding page numbers and bookmarks</source>
        <translation>Añadiendo números de página y marcadores</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Guardando</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
</context>
<context>
    <name>Provenance</name>
    <message>
        <source>Added by {0} on {1}</source>
        <translation>Agregado por {0} el {1}</translation>
    </message>
    <message>
        <source>; last changed by {0} on {1}</source>
        <translation>; último cambio por {0} el {1}</translation>
    </message>
</context>
<context>
    <name>QuestionListEditor</name>
    <message>
        <source>Questions for this appointment</source>
        <translation>Preguntas para esta cita</translation>
    </message>
    <message>
        <source>Choose an appointment above to see its questions.</source>
        <extracomment>(list id, row) whose answer the answer box shows; an unsaved answer is saved on moving away (list id, row) to show after our own change</extracomment>
        <translation>Elija una cita de la lista de arriba para ver sus preguntas.</translation>
    </message>
    <message>
        <source>List:</source>
        <translation>Lista:</translation>
    </message>
    <message>
        <source>Question list</source>
        <translation>Lista de preguntas</translation>
    </message>
    <message>
        <source>New list from template…</source>
        <translation>Nueva lista desde plantilla…</translation>
    </message>
    <message>
        <source>Start a new question list from a ready-made template</source>
        <translation>Empezar una lista de preguntas nueva a partir de una plantilla</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Answer or note</source>
        <translation>Respuesta o nota</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <source>Type a question of your own</source>
        <translation>Escriba su propia pregunta</translation>
    </message>
    <message>
        <source>New question</source>
        <translation>Pregunta nueva</translation>
    </message>
    <message>
        <source>Add question</source>
        <translation>Agregar pregunta</translation>
    </message>
    <message>
        <source>Add the question to the list</source>
        <translation>Agregar la pregunta a la lista</translation>
    </message>
    <message>
        <source>Answer or note for the chosen question:</source>
        <translation>Respuesta o nota para la pregunta elegida:</translation>
    </message>
    <message>
        <source>Save answer</source>
        <translation>Guardar respuesta</translation>
    </message>
    <message>
        <source>Save the answer to the chosen question</source>
        <translation>Guardar la respuesta a la pregunta elegida</translation>
    </message>
    <message>
        <source>Remove question</source>
        <translation>Quitar pregunta</translation>
    </message>
    <message>
        <source>Remove the chosen question from the list</source>
        <translation>Quitar la pregunta elegida de la lista</translation>
    </message>
    <message>
        <source>Carry over unanswered questions to the next appointment</source>
        <translation>Pasar las preguntas sin respuesta a la próxima cita</translation>
    </message>
    <message>
        <source>Copy the questions without an answer to the next appointment</source>
        <translation>Copiar las preguntas que no tienen respuesta a la próxima cita</translation>
    </message>
    <message>
        <source>Save list as PDF…</source>
        <translation>Guardar lista como PDF…</translation>
    </message>
    <message>
        <source>Save the question list as a PDF to print</source>
        <translation>Guardar la lista de preguntas como PDF para imprimir</translation>
    </message>
    <message>
        <source>Add an appointment first; then you can list your questions for it.</source>
        <translation>Primero agregue una cita; después podrá anotar sus preguntas para ella.</translation>
    </message>
    <message>
        <source>For: {0}, {1}</source>
        <translation>Para: {0}, {1}</translation>
    </message>
    <message>
        <source>No questions yet. Start a list from a template, or type a question of your own below.</source>
        <translation>Todavía no hay preguntas. Empiece una lista desde una plantilla o escriba abajo su propia pregunta.</translation>
    </message>
    <message>
        <source>This question always stays last on the list.</source>
        <translation>Esta pregunta siempre queda al final de la lista.</translation>
    </message>
    <message>
        <source>Carried over from an earlier appointment.</source>
        <translation>Viene de una cita anterior.</translation>
    </message>
    <message>
        <source>{0}  (carried over)</source>
        <translation>{0}  (de una cita anterior)</translation>
    </message>
    <message>
        <source>Answer saved.</source>
        <translation>Respuesta guardada.</translation>
    </message>
    <message>
        <source>Started the list “{0}”.</source>
        <translation>Se creó la lista “{0}”.</translation>
    </message>
    <message>
        <source>My questions</source>
        <translation>Mis preguntas</translation>
    </message>
    <message>
        <source>Question removed. Edit ▸ Undo brings it back.</source>
        <translation>Se quitó la pregunta. Puede recuperarla con Editar ▸ Deshacer.</translation>
    </message>
    <message>
        <source>There is no later appointment yet. Add the next appointment first, then carry the questions over.</source>
        <translation>Todavía no hay una cita posterior. Primero agregue la próxima cita y después pase las preguntas.</translation>
    </message>
    <message>
        <source>Every question on this list has an answer: nothing to carry over.</source>
        <translation>Todas las preguntas de esta lista tienen respuesta: no hay nada que pasar.</translation>
    </message>
    <message>
        <source>These questions are already on the list for {0}, {1}.</source>
        <translation>Estas preguntas ya están en la lista para {0}, {1}.</translation>
    </message>
    <message>
        <source>{0} question(s) carried over to {1}, {2}.</source>
        <translation>Preguntas pasadas a {1}, {2}: {0}.</translation>
    </message>
    <message>
        <source>Save question list</source>
        <translation>Guardar la lista de preguntas</translation>
    </message>
    <message>
        <source>Saved {0}. It is not encrypted.</source>
        <translation>Se guardó {0}. El archivo no está cifrado.</translation>
    </message>
</context>
<context>
    <name>QuickSymptomDialog</name>
    <message>
        <source>Change a symptom entry</source>
        <extracomment>the 0-10 scale: big square buttons (the app&apos;s button padding would clip &quot;10&quot;); the chosen one filled</extracomment>
        <translation>Cambiar un registro de síntoma</translation>
    </message>
    <message>
        <source>Log a symptom</source>
        <translation>Anotar un síntoma</translation>
    </message>
    <message>
        <source>Choose or type, e.g. fatigue</source>
        <translation>Elija o escriba, p. ej., cansancio</translation>
    </message>
    <message>
        <source>Where, e.g. lower back</source>
        <translation>Dónde, p. ej., parte baja de la espalda</translation>
    </message>
    <message>
        <source>Severity {0} of 10</source>
        <translation>Intensidad {0} de 10</translation>
    </message>
    <message>
        <source>Chosen severity</source>
        <translation>Intensidad elegida</translation>
    </message>
    <message>
        <source>0 means none, 10 the worst you can imagine. Arrow keys or a digit choose.</source>
        <translation>0 significa nada; 10, lo peor que pueda imaginar. Elija con las flechas o con un dígito.</translation>
    </message>
    <message>
        <source>Optional: what helped, what made it worse</source>
        <translation>Opcional: qué ayudó, qué lo empeoró</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Fecha:</translation>
    </message>
    <message>
        <source>Symptom:</source>
        <translation>Síntoma:</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Dónde:</translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation>Intensidad:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notas:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Not chosen yet</source>
        <translation>Todavía sin elegir</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>mild</source>
        <translation>leve</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>moderada</translation>
    </message>
    <message>
        <source>severe</source>
        <translation>intensa</translation>
    </message>
    <message>
        <source>{0} of 10: {1}</source>
        <translation>{0} de 10: {1}</translation>
    </message>
</context>
<context>
    <name>RadiationIntents</name>
    <message>
        <source>Curative</source>
        <translation>Curativa</translation>
    </message>
    <message>
        <source>Adjuvant (after surgery)</source>
        <translation>Adyuvante (después de la cirugía)</translation>
    </message>
    <message>
        <source>Neoadjuvant (before surgery)</source>
        <translation>Neoadyuvante (antes de la cirugía)</translation>
    </message>
    <message>
        <source>Palliative (to ease symptoms)</source>
        <translation>Paliativa (para aliviar síntomas)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
</context>
<context>
    <name>ReceptorStatus</name>
    <message>
        <source>Positive</source>
        <translation>Positivo</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negativo</translation>
    </message>
    <message>
        <source>Low (1-10%)</source>
        <translation>Bajo (1-10%)</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>No se sabe</translation>
    </message>
</context>
<context>
    <name>RecordsTableModel</name>
    <message>
        <source>Title</source>
        <extracomment>turns a person id into a name (the documents section sets it from the open vault)</extracomment>
        <translation>Título</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Profesional o centro</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Págs.</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Agregado</translation>
    </message>
</context>
<context>
    <name>RemovePersonDialog</name>
    <message>
        <source>Remove {0}</source>
        <translation>Quitar a {0}</translation>
    </message>
    <message>
        <source>Remove {0}?</source>
        <translation>¿Quitar a {0}?</translation>
    </message>
    <message>
        <source>{0} will no longer be able to unlock this vault: their key is deleted. The records they added stay, and still say who added them.</source>
        <translation>{0} ya no podrá desbloquear esta bóveda: su clave se borra. Los registros que añadió se quedan y siguen indicando quién los añadió.</translation>
    </message>
    <message>
        <source>Change the keys of the sections they had (recommended: a copy they made earlier would otherwise still open the old files)</source>
        <translation>Cambiar las claves de las secciones que tenía (recomendado: si no, una copia que haya hecho antes seguiría abriendo los archivos antiguos)</translation>
    </message>
    <message>
        <source>Changing the keys re-encrypts those files and can take a few minutes. You can stop it at any time: it carries on the next time you open the vault.</source>
        <translation>Cambiar las claves vuelve a cifrar esos archivos y puede tardar unos minutos. Puede detenerlo cuando quiera: continuará la próxima vez que abra la bóveda.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
</context>
<context>
    <name>Responses</name>
    <message>
        <source>Complete response</source>
        <translation>Respuesta completa</translation>
    </message>
    <message>
        <source>Partial response</source>
        <translation>Respuesta parcial</translation>
    </message>
    <message>
        <source>Stable disease</source>
        <translation>Enfermedad estable</translation>
    </message>
    <message>
        <source>Progressive disease</source>
        <translation>Progresión de la enfermedad</translation>
    </message>
    <message>
        <source>Not evaluated yet</source>
        <translation>Todavía sin evaluar</translation>
    </message>
</context>
<context>
    <name>S:</name>
    <message>
        <source></source>
        <comment>the language code of this translation (ISO 639-1), e.g. &quot;es&quot;</comment>
        <translation></translation>
    </message>
</context>
<context>
    <name>ScopeGate</name>
    <message>
        <source>This part was not shared with you</source>
        <translation>Esta parte no se compartió con usted</translation>
    </message>
    <message>
        <source>The owner of this vault chose which parts you can open, and this one is not among them. Nothing is missing or broken. If you need it, ask them to share it with you.</source>
        <translation>La persona propietaria de esta bóveda eligió qué partes puede abrir usted, y esta no está entre ellas. No falta nada ni hay nada roto. Si la necesita, pídale que la comparta con usted.</translation>
    </message>
</context>
<context>
    <name>SearchHits</name>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnóstico</translation>
    </message>
    <message>
        <source>Site of metastasis</source>
        <translation>Sitio de metástasis</translation>
    </message>
    <message>
        <source>Biopsy and biomarkers</source>
        <translation>Biopsia y biomarcadores</translation>
    </message>
    <message>
        <source>Line of treatment</source>
        <translation>Línea de tratamiento</translation>
    </message>
    <message>
        <source>Medication</source>
        <translation>Medicamento</translation>
    </message>
    <message>
        <source>Symptom</source>
        <translation>Síntoma</translation>
    </message>
    <message>
        <source>Lab value</source>
        <translation>Valor de laboratorio</translation>
    </message>
    <message>
        <source>Clinical trial</source>
        <translation>Ensayo clínico</translation>
    </message>
    <message>
        <source>Second-opinion packet</source>
        <translation>Paquete para segunda opinión</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>Question list</source>
        <translation>Lista de preguntas</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Care team member</source>
        <translation>Miembro del equipo de atención</translation>
    </message>
    <message>
        <source>Person to tell</source>
        <translation>Persona a quien contarlo</translation>
    </message>
    <message>
        <source>My care priorities</source>
        <translation>Mis prioridades de atención</translation>
    </message>
    <message>
        <source>Legal or planning paper</source>
        <translation>Documento legal o de planificación</translation>
    </message>
    <message>
        <source>About me</source>
        <translation>Sobre mí</translation>
    </message>
    <message>
        <source>Allergy or intolerance</source>
        <translation>Alergia o intolerancia</translation>
    </message>
    <message>
        <source>Other condition</source>
        <translation>Otra enfermedad</translation>
    </message>
    <message>
        <source>Surgery or procedure</source>
        <translation>Cirugía o procedimiento</translation>
    </message>
    <message>
        <source>Radiation</source>
        <translation>Radioterapia</translation>
    </message>
    <message>
        <source>Immunization</source>
        <translation>Vacuna</translation>
    </message>
    <message>
        <source>Past visit</source>
        <translation>Consulta anterior</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>{0} on {1}</source>
        <translation>{0} del {1}</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>page {0}</source>
        <translation>página {0}</translation>
    </message>
    <message>
        <source>title, tags or notes</source>
        <translation>título, etiquetas o notas</translation>
    </message>
</context>
<context>
    <name>SearchResultsList</name>
    <message>
        <source>Search results</source>
        <extracomment>the data of the &quot;Did you mean …?&quot; row: the words to search instead</extracomment>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>Arrow keys choose a match; it opens after a short pause, or at once with Enter.</source>
        <translation>Las flechas eligen un resultado; se abre tras una breve pausa, o enseguida con Intro.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minutos</translation>
    </message>
    <message>
        <source>Lock after this many idle minutes</source>
        <translation>Bloquear después de estos minutos sin uso</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Lock when idle for:</source>
        <translation>Bloquear si no se usa durante:</translation>
    </message>
    <message>
        <source>Text size:</source>
        <translation>Tamaño del texto:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>A new language applies the next time the app starts.</source>
        <translation>El nuevo idioma se aplicará la próxima vez que abra la aplicación.</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
</context>
<context>
    <name>SetupCodeDialog</name>
    <message>
        <source>Setup code for {0}</source>
        <translation>Código de configuración para {0}</translation>
    </message>
    <message>
        <source>{0} types this code the first time they unlock the vault, then chooses a passphrase of their own. The code works only once, and this is the only time it is shown.</source>
        <translation>{0} escribe este código la primera vez que desbloquee la bóveda y después elige su propia frase de contraseña. El código sirve una sola vez, y esta es la única vez que se muestra.</translation>
    </message>
    <message>
        <source>Setup code</source>
        <translation>Código de configuración</translation>
    </message>
    <message>
        <source>How to pass it on safely: write it on paper and hand it over in person, or read it out on the phone. Do not send it in the same email or message as the vault folder: anyone holding both could open what you shared with {0}.
If the code gets lost before it is used, remove {0} and add them again.</source>
        <translation>Cómo entregarlo con seguridad: escríbalo en un papel y entréguelo en persona, o léalo por teléfono. No lo envíe en el mismo correo o mensaje que la carpeta de la bóveda: quien tuviera ambos podría abrir lo que compartió con {0}.
Si el código se pierde antes de usarse, quite a {0} y vuelva a añadirle.</translation>
    </message>
    <message>
        <source>I have written it down</source>
        <translation>Ya lo he anotado</translation>
    </message>
</context>
<context>
    <name>Severities</name>
    <message>
        <source>Mild</source>
        <translation>Leve</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>Moderada</translation>
    </message>
    <message>
        <source>Severe</source>
        <translation>Grave</translation>
    </message>
</context>
<context>
    <name>Sexes</name>
    <message>
        <source>Female</source>
        <translation>Femenino</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Masculino</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
</context>
<context>
    <name>Sharing</name>
    <message>
        <source>Legal and money papers</source>
        <translation>Papeles legales y económicos</translation>
    </message>
    <message>
        <source>Care and appointments</source>
        <translation>Cuidados y citas</translation>
    </message>
    <message>
        <source>Medical records</source>
        <translation>Registros médicos</translation>
    </message>
    <message>
        <source>Will, living will, advance directives, powers of attorney, insurance and money papers.</source>
        <translation>Testamento, testamento vital, voluntades anticipadas, poderes notariales, seguros y papeles económicos.</translation>
    </message>
    <message>
        <source>Appointments, questions for the doctors, care team, people to tell, care priorities.</source>
        <translation>Citas, preguntas para los médicos, equipo de atención, personas a quienes avisar, prioridades de cuidado.</translation>
    </message>
    <message>
        <source>Everything clinical: diagnosis, treatment, symptoms, labs, reports and scans, trials.</source>
        <translation>Todo lo clínico: diagnóstico, tratamiento, síntomas, análisis, informes y pruebas de imagen, ensayos.</translation>
    </message>
    <message>
        <source>Nothing yet</source>
        <translation>Nada todavía</translation>
    </message>
    <message>
        <source>May add and edit records</source>
        <translation>Puede añadir y editar registros</translation>
    </message>
    <message>
        <source>View only</source>
        <translation>Solo ver</translation>
    </message>
</context>
<context>
    <name>SharingSection</name>
    <message>
        <source>People and sharing</source>
        <translation>Personas y acceso compartido</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Relación</translation>
    </message>
    <message>
        <source>May see</source>
        <translation>Puede ver</translation>
    </message>
    <message>
        <source>May change records</source>
        <translation>Puede cambiar registros</translation>
    </message>
    <message>
        <source>Setup</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>People who may open this vault</source>
        <translation>Personas que pueden abrir esta bóveda</translation>
    </message>
    <message>
        <source>Add a person…</source>
        <translation>Añadir a una persona…</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>Añadir a una persona</translation>
    </message>
    <message>
        <source>Change what they may see…</source>
        <translation>Cambiar lo que puede ver…</translation>
    </message>
    <message>
        <source>Change what the chosen person may see</source>
        <translation>Cambiar lo que puede ver la persona elegida</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Quitar…</translation>
    </message>
    <message>
        <source>Remove the chosen person</source>
        <translation>Quitar a la persona elegida</translation>
    </message>
    <message>
        <source>What is protected: each part has its own key, so someone who was not given a part cannot open its files, not even with other tools.
View only is enforced by this program; someone with the files and other tools could still change them. Give “May add and edit” only to people you trust with your papers.</source>
        <translation>Qué está protegido: cada parte tiene su propia clave, así que quien no recibió una parte no puede abrir sus archivos, ni siquiera con otras herramientas.
«Solo ver» lo hace cumplir este programa; alguien con los archivos y otras herramientas aún podría cambiarlos. Dé «Puede añadir y editar» solo a personas a quienes confiaría sus papeles.</translation>
    </message>
    <message>
        <source>You can share parts of this vault with people you trust. They open a copy of the vault folder (on a USB drive, a shared drive or a synced folder) on their own computer, with their own passphrase, and see only the parts you chose.</source>
        <translation>Puede compartir partes de esta bóveda con personas de su confianza. Abren una copia de la carpeta de la bóveda (en una memoria USB, una unidad compartida o una carpeta sincronizada) en su propio ordenador, con su propia frase de contraseña, y solo ven las partes que usted eligió.</translation>
    </message>
    <message>
        <source>You are signed in as {0}. The owner of this vault shared these parts with you: {1}. {2}</source>
        <translation>Ha entrado como {0}. La persona propietaria de esta bóveda compartió con usted estas partes: {1}. {2}</translation>
    </message>
    <message>
        <source>You may add and edit records.</source>
        <translation>Puede añadir y editar registros.</translation>
    </message>
    <message>
        <source>You may view them, not change them.</source>
        <translation>Puede verlas, pero no cambiarlas.</translation>
    </message>
    <message>
        <source> (you)</source>
        <translation> (usted)</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propietaria</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source>May add and edit</source>
        <translation>Puede añadir y editar</translation>
    </message>
    <message>
        <source>View only</source>
        <translation>Solo ver</translation>
    </message>
    <message>
        <source>Setup code not used yet</source>
        <translation>Código de configuración aún sin usar</translation>
    </message>
    <message>
        <source>{0} was added.</source>
        <translation>Se añadió a {0}.</translation>
    </message>
    <message>
        <source>What {0} may see was changed.</source>
        <translation>Se cambió lo que puede ver {0}.</translation>
    </message>
    <message>
        <source>{0} was removed and can no longer unlock this vault.</source>
        <translation>Se quitó a {0}, que ya no puede desbloquear esta bóveda.</translation>
    </message>
</context>
<context>
    <name>Sides</name>
    <message>
        <source>Left</source>
        <translation>Izquierdo</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Derecho</translation>
    </message>
    <message>
        <source>Both sides</source>
        <translation>Ambos lados</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>No corresponde</translation>
    </message>
</context>
<context>
    <name>StopReasons</name>
    <message>
        <source>Progression</source>
        <translation>Progresión</translation>
    </message>
    <message>
        <source>Side effects</source>
        <translation>Efectos secundarios</translation>
    </message>
    <message>
        <source>My choice</source>
        <translation>Decisión mía</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro motivo</translation>
    </message>
</context>
<context>
    <name>Symptoms</name>
    <message>
        <source>Pain</source>
        <translation>Dolor</translation>
    </message>
    <message>
        <source>Fatigue</source>
        <translation>Cansancio</translation>
    </message>
    <message>
        <source>Nausea</source>
        <translation>Náuseas</translation>
    </message>
    <message>
        <source>Vomiting</source>
        <translation>Vómitos</translation>
    </message>
    <message>
        <source>Loss of appetite</source>
        <translation>Falta de apetito</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Peso</translation>
    </message>
    <message>
        <source>Shortness of breath</source>
        <translation>Falta de aire</translation>
    </message>
    <message>
        <source>Cough</source>
        <translation>Tos</translation>
    </message>
    <message>
        <source>Headache</source>
        <translation>Dolor de cabeza</translation>
    </message>
    <message>
        <source>Dizziness</source>
        <translation>Mareo</translation>
    </message>
    <message>
        <source>Confusion</source>
        <translation>Confusión</translation>
    </message>
    <message>
        <source>Vision changes</source>
        <translation>Cambios en la vista</translation>
    </message>
    <message>
        <source>Neuropathy</source>
        <translation>Neuropatía</translation>
    </message>
    <message>
        <source>Mouth sores</source>
        <translation>Llagas en la boca</translation>
    </message>
    <message>
        <source>Diarrhea</source>
        <translation>Diarrea</translation>
    </message>
    <message>
        <source>Rash</source>
        <translation>Erupción en la piel</translation>
    </message>
    <message>
        <source>Hot flashes</source>
        <translation>Sofocos</translation>
    </message>
    <message>
        <source>Joint pain</source>
        <translation>Dolor en las articulaciones</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Estado de ánimo</translation>
    </message>
</context>
<context>
    <name>SymptomsSection</name>
    <message>
        <source>Symptoms</source>
        <extracomment>the chart&apos;s line is the average severity of this many days up to each day</extracomment>
        <translation>Síntomas</translation>
    </message>
    <message>
        <source>Symptom:</source>
        <translation>Síntoma:</translation>
    </message>
    <message>
        <source>Symptom to show</source>
        <translation>Síntoma que se muestra</translation>
    </message>
    <message>
        <source>Log a symptom…</source>
        <translation>Anotar un síntoma…</translation>
    </message>
    <message>
        <source>Shortcut: Ctrl+Shift+S</source>
        <translation>Atajo: Ctrl+Mayús+S</translation>
    </message>
    <message>
        <source>No symptoms logged yet. Click “Log a symptom…”: it takes a few seconds.</source>
        <translation>Todavía no hay síntomas anotados. Haga clic en “Anotar un síntoma…”: solo lleva unos segundos.</translation>
    </message>
    <message>
        <source>Chart of the chosen symptom&apos;s severity over time</source>
        <translation>Gráfico de la intensidad del síntoma elegido a lo largo del tiempo</translation>
    </message>
    <message>
        <source>{0} of 10</source>
        <translation>{0} de 10</translation>
    </message>
    <message>
        <source>Point at a dot to see its date and severity.</source>
        <translation>Señale un punto para ver su fecha y su intensidad.</translation>
    </message>
    <message>
        <source>Entry under the pointer</source>
        <translation>Registro bajo el puntero</translation>
    </message>
    <message>
        <source>Entries of the chosen symptom</source>
        <translation>Registros del síntoma elegido</translation>
    </message>
    <message>
        <source>{0} (1 entry)</source>
        <translation>{0} (1 registro)</translation>
    </message>
    <message>
        <source>{0} ({1} entries)</source>
        <translation>{0} ({1} registros)</translation>
    </message>
    <message>
        <source>Severity (0 to 10)</source>
        <translation>Intensidad (0 a 10)</translation>
    </message>
    <message>
        <source>Dots: each entry. Line: the average of the last {0} days.</source>
        <translation>Puntos: cada registro. Línea: el promedio de los últimos {0} días.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Intensidad</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>New question list</source>
        <translation>Nueva lista de preguntas</translation>
    </message>
    <message>
        <source>Start from these questions (you can add your own after):</source>
        <translation>Empezar con estas preguntas (después puede agregar las suyas):</translation>
    </message>
</context>
<context>
    <name>TimelineChartView</name>
    <message>
        <source>Chart of values over time</source>
        <extracomment>at most this many points are drawn per pixel of plot width (peaks and dips are kept; see cr.decimate)</extracomment>
        <translation>Gráfico de valores a lo largo del tiempo</translation>
    </message>
</context>
<context>
    <name>TrashCommand</name>
    <message>
        <source>Not changed</source>
        <translation>No se cambió</translation>
    </message>
    <message>
        <source>Moved “{0}” to the trash. Undo with Ctrl+Z.</source>
        <translation>“{0}” se movió a la papelera. Puede deshacerlo con Ctrl+Z.</translation>
    </message>
    <message>
        <source>Restored “{0}”.</source>
        <translation>“{0}” se restauró.</translation>
    </message>
</context>
<context>
    <name>TreatmentSection</name>
    <message>
        <source>Treatment</source>
        <translation>Tratamiento</translation>
    </message>
    <message>
        <source>Lines of treatment</source>
        <translation>Líneas de tratamiento</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>Regimen</source>
        <translation>Esquema</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>en curso</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Contexto</translation>
    </message>
    <message>
        <source>Best response</source>
        <translation>Mejor respuesta</translation>
    </message>
    <message>
        <source>Why stopped</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Medications and supplements</source>
        <translation>Medicamentos y suplementos</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dosis</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Show only what I take now</source>
        <translation>Mostrar solo lo que tomo ahora</translation>
    </message>
    <message>
        <source>Save medication list as PDF…</source>
        <translation>Guardar lista de medicamentos como PDF…</translation>
    </message>
    <message>
        <source>Save the medication list as a PDF to print</source>
        <translation>Guardar la lista de medicamentos como PDF para imprimir</translation>
    </message>
    <message>
        <source>The PDF will not be encrypted. Print it, then delete it if you do not need it.</source>
        <translation>El PDF no estará cifrado. Imprímalo y después bórrelo si no lo necesita.</translation>
    </message>
    <message>
        <source>Save medication list</source>
        <translation>Guardar la lista de medicamentos</translation>
    </message>
    <message>
        <source>Saved {0}.</source>
        <translation>Se guardó {0}.</translation>
    </message>
</context>
<context>
    <name>TreatmentSettings</name>
    <message>
        <source>First line</source>
        <translation>Primera línea</translation>
    </message>
    <message>
        <source>Second line</source>
        <translation>Segunda línea</translation>
    </message>
    <message>
        <source>Third line</source>
        <translation>Tercera línea</translation>
    </message>
    <message>
        <source>Fourth line or later</source>
        <translation>Cuarta línea o posterior</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Mantenimiento</translation>
    </message>
    <message>
        <source>Clinical trial</source>
        <translation>Ensayo clínico</translation>
    </message>
    <message>
        <source>Adjuvant (after surgery, early stage)</source>
        <translation>Adyuvante (después de la cirugía, etapa temprana)</translation>
    </message>
    <message>
        <source>Neoadjuvant (before surgery)</source>
        <translation>Neoadyuvante (antes de la cirugía)</translation>
    </message>
</context>
<context>
    <name>TreatmentTimeline</name>
    <message>
        <source>Timeline of the lines of treatment</source>
        <translation>Cronología de las líneas de tratamiento</translation>
    </message>
    <message>
        <source>{0}, {1} to {2}</source>
        <translation>{0}, del {1} al {2}</translation>
    </message>
    <message>
        <source>now</source>
        <translation>ahora</translation>
    </message>
    <message>
        <source>No lines of treatment recorded yet.</source>
        <translation>Todavía no hay líneas de tratamiento registradas.</translation>
    </message>
    <message>
        <source>(ongoing)</source>
        <translation>(en curso)</translation>
    </message>
</context>
<context>
    <name>TrialStatus</name>
    <message>
        <source>Considering</source>
        <translation>Lo estoy pensando</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>En evaluación de ingreso</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Inscrita o inscrito</translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation>No cumplo los requisitos</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>No quise participar</translation>
    </message>
</context>
<context>
    <name>TrialsSection</name>
    <message>
        <source>Clinical trials</source>
        <translation>Ensayos clínicos</translation>
    </message>
    <message>
        <source>Trials you are considering or taking part in. The identifier is on the trial&apos;s papers and on ClinicalTrials.gov (NCT followed by 8 digits). You can link the consent form and other papers you have imported.</source>
        <translation>Ensayos que está considerando o en los que participa. El identificador figura en los documentos del ensayo y en ClinicalTrials.gov (NCT seguido de 8 dígitos). Puede vincular el consentimiento informado y otros documentos que haya importado.</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identificador</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Papers</source>
        <translation>Adjuntos</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>Unlock your vault</source>
        <extracomment>scrypt work factor of the passphrase chosen after a setup code (tests lower it)</extracomment>
        <translation>Desbloquear su bóveda</translation>
    </message>
    <message>
        <source>Why the vault was locked</source>
        <extracomment>why the vault was locked, when the app locked it by itself (auto-lock)</extracomment>
        <translation>Por qué se bloqueó la bóveda</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Frase de contraseña:</translation>
    </message>
    <message>
        <source>The first time, type the setup code you were given instead of a passphrase.</source>
        <translation>La primera vez, escriba el código de configuración que recibió en lugar de una frase de contraseña.</translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation>Desbloqueando</translation>
    </message>
    <message>
        <source>Unlock message</source>
        <translation>Mensaje de desbloqueo</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>Back to the welcome screen</source>
        <translation>Volver a la pantalla de bienvenida</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Vault folder: {0}</source>
        <translation>Carpeta de la bóveda: {0}</translation>
    </message>
    <message>
        <source>Type your passphrase.</source>
        <translation>Escriba su frase de contraseña.</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>La frase de contraseña no es correcta.</translation>
    </message>
</context>
<context>
    <name>VaultSession</name>
    <message>
        <source>Who shares this vault was changed on another computer.</source>
        <extracomment>a record as the watcher compares it: revision, last change, trashed, kind and who wrote it a structured entry of this kind (diagnosis, symptom, lab-value...) was added, changed or removed entries of these kinds changed at once (a portal import, another computer&apos;s changes): each section reloads once, not once a kind the vault was reloaded because its files changed outside this program (a plain sentence) records whose text still has to go into the index (see records_added) the PDF readers of this session&apos;s imports (made at the first import, ended at close) GUI-thread time spent indexing per event-loop turn (at least one record per turn)</extracomment>
        <translation>En otra computadora se cambió quién comparte esta bóveda.</translation>
    </message>
    <message>
        <source>Records changed on two computers: {0}. Both versions are kept.</source>
        <translation>Registros cambiados en dos computadoras: {0}. Se guardan las dos versiones.</translation>
    </message>
    <message>
        <source>1 record added by {0}.</source>
        <translation>{0} añadió 1 registro.</translation>
    </message>
    <message>
        <source>{1} records added by {0}.</source>
        <translation>{0} añadió {1} registros.</translation>
    </message>
    <message>
        <source>1 record added on another computer or from the command line.</source>
        <translation>Se añadió 1 registro en otra computadora o desde la línea de comandos.</translation>
    </message>
    <message>
        <source>{0} records added on another computer or from the command line.</source>
        <translation>Se añadieron {0} registros en otra computadora o desde la línea de comandos.</translation>
    </message>
    <message>
        <source>1 record changed by {0}.</source>
        <translation>{0} cambió 1 registro.</translation>
    </message>
    <message>
        <source>{1} records changed by {0}.</source>
        <translation>{0} cambió {1} registros.</translation>
    </message>
    <message>
        <source>1 record changed on another computer or from the command line.</source>
        <translation>Se cambió 1 registro en otra computadora o desde la línea de comandos.</translation>
    </message>
    <message>
        <source>{0} records changed on another computer or from the command line.</source>
        <translation>Se cambiaron {0} registros en otra computadora o desde la línea de comandos.</translation>
    </message>
    <message>
        <source>1 record removed on another computer or from the command line.</source>
        <translation>Se quitó 1 registro en otra computadora o desde la línea de comandos.</translation>
    </message>
    <message>
        <source>{0} records removed on another computer or from the command line.</source>
        <translation>Se quitaron {0} registros en otra computadora o desde la línea de comandos.</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Welcome to MBC Vault</source>
        <extracomment>a choice&apos;s text is this much larger than the rest of the screen</extracomment>
        <translation>Le damos la bienvenida a MBC Vault</translation>
    </message>
    <message>
        <source>Keep your medical and legal records in one encrypted place on this computer. Only people you choose can open them.</source>
        <translation>Guarde sus registros médicos y legales en un solo lugar cifrado en esta computadora. Solo las personas que usted elija podrán abrirlos.</translation>
    </message>
    <message>
        <source>Create my vault</source>
        <translation>Crear mi bóveda</translation>
    </message>
    <message>
        <source>Start a new, empty vault protected by your passphrase.</source>
        <translation>Empiece una bóveda nueva y vacía, protegida con su frase de contraseña.</translation>
    </message>
    <message>
        <source>Open a vault someone shared with me</source>
        <translation>Abrir una bóveda que alguien compartió conmigo</translation>
    </message>
    <message>
        <source>Choose the folder (USB drive, shared or synced folder).</source>
        <translation>Elija la carpeta (memoria USB, carpeta compartida o sincronizada).</translation>
    </message>
    <message>
        <source>Explore a demo vault</source>
        <translation>Explorar una bóveda de demostración</translation>
    </message>
    <message>
        <source>Look around with fictional records first. Nothing real is used.</source>
        <translation>Primero conozca la aplicación con registros ficticios. No se usa ningún dato real.</translation>
    </message>
    <message>
        <source>Recently opened vaults (double-click or press Enter to open):</source>
        <translation>Bóvedas abiertas recientemente (haga doble clic o presione Enter para abrir una):</translation>
    </message>
    <message>
        <source>Recently opened vaults</source>
        <translation>Bóvedas abiertas recientemente</translation>
    </message>
</context>
<context>
    <name>Widening</name>
    <message>
        <source>“Keep as it was” changes nothing.</source>
        <translation>«Dejarlo como estaba» no cambia nada.</translation>
    </message>
    <message>
        <source>Change it and let them see it</source>
        <translation>Cambiarlo y permitir que lo vean</translation>
    </message>
    <message>
        <source>Keep as it was</source>
        <translation>Dejarlo como estaba</translation>
    </message>
</context>
</TS>
