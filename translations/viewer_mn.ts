<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="mn">
<context>
    <name>Errors</name>
    <message>
        <source>%1

Details were written to:
%2</source>
        <translation>%1

Дэлгэрэнгүйг энэ файлд бичлээ:
%2</translation>
    </message>
    <message>
        <source>Something went wrong (%1); it was logged and the viewer carries on.</source>
        <translation>Алдаа гарлаа (%1); бүртгэлд бичигдсэн бөгөөд программ үргэлжлэн ажиллана.</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Map: %1 — %2. Positions marked ≈ are approximate.</source>
        <translation>Газрын зураг: %1 — %2. ≈ тэмдэгтэй байрлал ойролцоо.</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>play / pause</source>
        <translation>тоглуулах / зогсоох</translation>
    </message>
    <message>
        <source>next event (what a presentation clicker sends)</source>
        <translation>дараагийн үйл явдал (танилцуулгын алсын удирдлага үүнийг илгээдэг)</translation>
    </message>
    <message>
        <source>previous event</source>
        <translation>өмнөх үйл явдал</translation>
    </message>
    <message>
        <source>next chapter</source>
        <translation>дараагийн бүлэг</translation>
    </message>
    <message>
        <source>previous chapter</source>
        <translation>өмнөх бүлэг</translation>
    </message>
    <message>
        <source>start of the timeline</source>
        <translation>цагийн шугамын эхлэл</translation>
    </message>
    <message>
        <source>end of the timeline</source>
        <translation>цагийн шугамын төгсгөл</translation>
    </message>
    <message>
        <source>zoom the map in (also the mouse wheel or a pinch)</source>
        <translation>газрын зургийг томруулах (хулганы дугуй эсвэл хоёр хуруугаар)</translation>
    </message>
    <message>
        <source>zoom the map out</source>
        <translation>газрын зургийг жижигрүүлэх</translation>
    </message>
    <message>
        <source>follow the story: each event brings the map to where it happens</source>
        <translation>түүхийг дагах: үйл явдал бүр газрын зургийг болсон газар руу нь аваачна</translation>
    </message>
    <message>
        <source>pan the map west (also drag it)</source>
        <translation>газрын зургийг баруун зүг рүү шилжүүлэх (чирж бас болно)</translation>
    </message>
    <message>
        <source>pan the map east</source>
        <translation>газрын зургийг зүүн зүг рүү шилжүүлэх</translation>
    </message>
    <message>
        <source>pan the map north</source>
        <translation>газрын зургийг хойд зүг рүү шилжүүлэх</translation>
    </message>
    <message>
        <source>pan the map south</source>
        <translation>газрын зургийг өмнөд зүг рүү шилжүүлэх</translation>
    </message>
    <message>
        <source>black screen on / off</source>
        <translation>хар дэлгэц асаах / унтраах</translation>
    </message>
    <message>
        <source>white screen on / off</source>
        <translation>цагаан дэлгэц асаах / унтраах</translation>
    </message>
    <message>
        <source>caption on the map shown / hidden</source>
        <translation>газрын зураг дээрх тайлбар: харуулах / нуух</translation>
    </message>
    <message>
        <source>type a step number</source>
        <translation>алхмын дугаар бичих</translation>
    </message>
    <message>
        <source>after a step number (0–9): go to that step</source>
        <translation>алхмын дугаарын (0–9) дараа: тэр алхам руу шилжих</translation>
    </message>
    <message>
        <source>choose, order and save the steps of the talk</source>
        <translation>илтгэлийн алхмуудыг сонгох, эрэмбэлэх, хадгалах</translation>
    </message>
    <message>
        <source>pen on / off (off: dragging pans the map)</source>
        <translation>үзэг асаах / унтраах (унтраалттай үед чирэхэд газрын зураг шилжинэ)</translation>
    </message>
    <message>
        <source>next pen colour (red, blue, black)</source>
        <translation>үзгийн дараагийн өнгө (улаан, цэнхэр, хар)</translation>
    </message>
    <message>
        <source>eraser on / off (a drag wipes the lines it touches)</source>
        <translation>баллуур асаах / унтраах (чирэхэд хүрсэн зураасыг арилгана)</translation>
    </message>
    <message>
        <source>undo the last pen line or wipe</source>
        <translation>сүүлийн зураас эсвэл арилгалтыг буцаах</translation>
    </message>
    <message>
        <source>keep the drawing at the next step</source>
        <translation>дараагийн алхамд зургийг хадгалах</translation>
    </message>
    <message>
        <source>wipe the pen drawing</source>
        <translation>үзгээр зурсныг арилгах</translation>
    </message>
    <message>
        <source>pause / resume the talk&apos;s timer</source>
        <translation>илтгэлийн цаг хэмжигчийг түр зогсоох / үргэлжлүүлэх</translation>
    </message>
    <message>
        <source>reset the talk&apos;s timer</source>
        <translation>илтгэлийн цаг хэмжигчийг тэглэх</translation>
    </message>
    <message>
        <source>leave presenter mode (press twice)</source>
        <translation>илтгэгчийн горимоос гарах (хоёр дарна)</translation>
    </message>
    <message>
        <source>staff exit</source>
        <translation>ажилтны гарц</translation>
    </message>
    <message>
        <source>fit the battlefield</source>
        <translation>байлдааны талбайг бүтнээр харуулах</translation>
    </message>
    <message>
        <source>this sheet</source>
        <translation>энэ тусламж</translation>
    </message>
    <message>
        <source>Shorelines, rivers and borders</source>
        <translation>Эрэг, гол мөрөн, хил</translation>
    </message>
    <message>
        <source>Regional inset</source>
        <translation>Бүс нутгийн жижиг зураг</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>Программ хангамж</translation>
    </message>
    <message>
        <source>Fonts</source>
        <translation>Үсгийн фонт</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Товчлуурын товчлол</translation>
    </message>
    <message>
        <source>Version %1.</source>
        <translation>Хувилбар %1.</translation>
    </message>
    <message>
        <source>A map-and-timeline viewer of the 1939 battles of Khalkhin Gol, known in Japan as the Nomonhan Incident.</source>
        <translation>1939 оны Халхын голын байлдааны газрын зураг ба он дарааллын үзүүлэн; Японд Номунханы мөргөлдөөн гэж нэрлэдэг.</translation>
    </message>
    <message>
        <source>Positions marked ≈ are inferred from narratives and drawn with their uncertainty; disputed dates and one side&apos;s figures are flagged in the notes.</source>
        <translation>≈ тэмдэгтэй байрлалыг бичвэр дээр үндэслэн тогтоосон тул алдааных нь хүрээтэй зурсан; маргаантай огноо болон зөвхөн нэг талын тоо баримтыг тэмдэглэлд заасан.</translation>
    </message>
    <message>
        <source>The Russian, Mongolian and Japanese texts are translations of the English notes awaiting review by native-speaking historians; where they differ, the English text is the reference.</source>
        <translation>Орос, монгол, япон бичвэрүүд нь англи тэмдэглэлийн орчуулга бөгөөд тухайн хэлээр ярьдаг түүхчдийн хяналтыг хүлээж байна; зөрүүтэй бол англи бичвэрийг үндэслэнэ.</translation>
    </message>
    <message>
        <source>Data and licences</source>
        <translation>Өгөгдөл ба лиценз</translation>
    </message>
    <message>
        <source>This viewer</source>
        <translation>Энэ программ</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Эх сурвалж</translation>
    </message>
    <message>
        <source>MIT licence; the content (events.yaml) cites its sources below.</source>
        <translation>MIT лиценз; агуулгын (events.yaml) эх сурвалжийг доор жагсаав.</translation>
    </message>
    <message>
        <source>Grades: A scholarly or primary, B encyclopedia, C popular web, D forum or blog (never the only support).</source>
        <translation>Зэрэглэл: A — эрдэм шинжилгээний буюу анхдагч эх сурвалж, B — нэвтэрхий толь, C — олон нийтийн вэб, D — форум эсвэл блог (хэзээ ч цорын ганц нотолгоо болохгүй).</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Хаах</translation>
    </message>
</context>
<context>
    <name>Inset</name>
    <message>
        <source>MONGOLIA</source>
        <translation>МОНГОЛ</translation>
    </message>
    <message>
        <source>USSR</source>
        <translation>ЗХУ</translation>
    </message>
    <message>
        <source>MANCHUKUO</source>
        <translation>МАНЖ-ГО</translation>
    </message>
    <message>
        <source>Hailar</source>
        <translation>Хайлаар</translation>
    </message>
    <message>
        <source>Chita</source>
        <translation>Чита</translation>
    </message>
    <message>
        <source>Ulaanbaatar</source>
        <translation>Улаанбаатар</translation>
    </message>
    <message>
        <source>modern borders, 1939 names; red box: map area</source>
        <translation>өнөөгийн хил, 1939 оны нэр; улаан хүрээ — зургийн хэсэг</translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <source>Touch to explore</source>
        <translation>Хүрч судлаарай</translation>
    </message>
    <message>
        <source>Guided tour: step %1 of %2</source>
        <translation>Аялал: %2 алхмын %1-р алхам</translation>
    </message>
    <message>
        <source>… %1 more in the log</source>
        <translation>… бусад %1 нь журналд</translation>
    </message>
    <message>
        <source>kiosk.ini: %1 problem(s); the defaults are used for these:</source>
        <translation>kiosk.ini: %1 асуудал; эдгээрт анхдагч утгыг хэрэглэв:</translation>
    </message>
</context>
<context>
    <name>Map</name>
    <message>
        <source>Border claimed by Manchukuo and Japan: the river</source>
        <translation>Манж-Го ба Японы зарласан хил: гол</translation>
    </message>
    <message>
        <source>Border claimed by Mongolia and the USSR</source>
        <translation>Монгол ба ЗХУ-ын зарласан хил</translation>
    </message>
    <message>
        <source>Disputed ground ≈ %1 km²</source>
        <translation>Маргаантай газар ≈ %1 км²</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 км</translation>
    </message>
    <message>
        <source>N</source>
        <comment>north arrow</comment>
        <translation>Х</translation>
    </message>
    <message>
        <source>Mongolian/Soviet claim</source>
        <translation>БНМАУ/ЗХУ-ын заасан хил</translation>
    </message>
    <message>
        <source>Manchukuo/Japanese claim (river)</source>
        <translation>Манж-Го/Японы заасан хил (гол)</translation>
    </message>
    <message>
        <source>River, course approximate</source>
        <translation>Гол, голдирол ойролцоо</translation>
    </message>
    <message>
        <source>Lake</source>
        <translation>Нуур</translation>
    </message>
    <message>
        <source>Modern border</source>
        <translation>Өнөөгийн хил</translation>
    </message>
    <message>
        <source>River</source>
        <translation>Гол</translation>
    </message>
    <message>
        <source>Disputed ground</source>
        <translation>Маргаантай газар</translation>
    </message>
    <message>
        <source>unit positions approximate, within about {km} km unless marked ≈</source>
        <translation>ангиудын байрлал ойролцоо: ≈ тэмдэггүй бол ойролцоогоор {km} км-ийн дотор</translation>
    </message>
    <message>
        <source>±{km} km</source>
        <translation>±{km} км</translation>
    </message>
    <message>
        <source>where the unit selected may have been (approximate position)</source>
        <translation>сонгосон анги байж болох газар (ойролцоо байрлал)</translation>
    </message>
    <message>
        <source>Japanese-held, encircled</source>
        <translation>Японы эзэмшил, бүслэгдсэн</translation>
    </message>
    <message>
        <source>Ground held by Japanese forces, encircled (approximate)</source>
        <translation>Японы цэргийн эзэмшиж байсан газар, бүслэгдсэн (ойролцоогоор)</translation>
    </message>
    <message>
        <source>Ground held by Soviet and Mongolian forces (approximate)</source>
        <translation>Зөвлөлт, Монголын цэргийн эзэмшиж байсан газар (ойролцоогоор)</translation>
    </message>
    <message>
        <source>Ground held by Japanese forces (approximate)</source>
        <translation>Японы цэргийн эзэмшиж байсан газар (ойролцоогоор)</translation>
    </message>
    <message>
        <source>Attack: axis of advance (broad arrow)</source>
        <translation>Довтолгоо: давшилтын чиглэл (өргөн сум)</translation>
    </message>
    <message>
        <source>Counter-attack</source>
        <translation>Сөрөг довтолгоо</translation>
    </message>
    <message>
        <source>River crossing</source>
        <translation>Голыг гатлах</translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <translation>Ухралт</translation>
    </message>
    <message>
        <source>Breakout from encirclement</source>
        <translation>Бүслэлтээс гарах</translation>
    </message>
    <message>
        <source>Where a move under way was going</source>
        <translation>Эхэлсэн хөдөлгөөний чиглэл</translation>
    </message>
    <message>
        <source>Faded arrow: a move that ended in the last two days</source>
        <translation>Бүдэг сум: сүүлийн хоёр хоногт дууссан хөдөлгөөн</translation>
    </message>
    <message>
        <source>the place the note points at</source>
        <translation>тайлбарт дурдсан газар</translation>
    </message>
    <message>
        <source>%1, modern</source>
        <translation>%1, орчин үеийн</translation>
    </message>
    <message>
        <source>height</source>
        <translation>өндөрлөг</translation>
    </message>
    <message>
        <source>bridge or crossing</source>
        <translation>гүүр эсвэл гарам</translation>
    </message>
    <message>
        <source>command post or base</source>
        <translation>командын пункт эсвэл бааз</translation>
    </message>
    <message>
        <source>place</source>
        <translation>газар</translation>
    </message>
    <message>
        <source>modern village (grey)</source>
        <translation>орчин үеийн суурин (саарал)</translation>
    </message>
    <message>
        <source>Unit attacking (thin arrow)</source>
        <translation>Анги довтолж байна (нарийн сум)</translation>
    </message>
    <message>
        <source>Unit withdrawing (thin dashed arrow)</source>
        <translation>Анги ухарч байна (нарийн тасархай сум)</translation>
    </message>
    <message>
        <source>destroyed (crossed out)</source>
        <translation>устгагдсан (хэрээсээр дарсан)</translation>
    </message>
    <message>
        <source>withdrawn from the fighting (faded, turning arrow)</source>
        <translation>тулалдаанаас татагдсан (бүдэг, буцах сум)</translation>
    </message>
    <message>
        <source>last reported position (fate not recorded)</source>
        <translation>сүүлд мэдээлэгдсэн байрлал (хувь заяа тэмдэглэгдээгүй)</translation>
    </message>
    <message>
        <source>† after a commander&apos;s name: killed this day</source>
        <translation>† командлагчийн нэрийн ард: тэр өдөр амь үрэгдсэн</translation>
    </message>
    <message>
        <source>moved aside; dot: true place</source>
        <translation>тэмдгийг зөөсөн; цэг: жинхэнэ байрлал</translation>
    </message>
    <message>
        <source>the unit selected</source>
        <translation>сонгосон анги</translation>
    </message>
    <message>
        <source>≈ position less certain: may be more than {km} km off</source>
        <translation>≈ байрлал тодорхой бус: {km} км-ээс их зөрүүтэй байж болно</translation>
    </message>
    <message>
        <source>Route of the last three days (chevrons point the way it went)</source>
        <translation>Сүүлийн гурван өдрийн зам (өнцөгт тэмдэг явсан зүгийг заана)</translation>
    </message>
</context>
<context>
    <name>Naming</name>
    <message>
        <source>Soviet/Mongolian names</source>
        <translation>Зөвлөлт, Монголын нэршил</translation>
    </message>
    <message>
        <source>Japanese names</source>
        <translation>Японы нэршил</translation>
    </message>
    <message>
        <source>Khalkhin Gol</source>
        <translation>Халхын гол</translation>
    </message>
    <message>
        <source>Nomonhan</source>
        <translation>Номонхан</translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <source>Disputed</source>
        <translation>Маргаантай</translation>
    </message>
    <message>
        <source>Uncertain</source>
        <translation>Тодорхойгүй</translation>
    </message>
    <message>
        <source>One side&apos;s claim</source>
        <translation>Нэг талын мэдээлэл</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Эх сурвалж</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>Одоо:</translation>
    </message>
    <message>
        <source>≈ approximate: within about %1 km (inferred from a narrative)</source>
        <translation>≈ ойролцоо: %1 км орчмын хүрээнд (бичвэрээс тогтоосон)</translation>
    </message>
    <message>
        <source>Units:</source>
        <translation>Анги, нэгтгэл:</translation>
    </message>
    <message>
        <source>Commander (rank in 1939):</source>
        <translation>Командлагч (1939 оны цол):</translation>
    </message>
    <message>
        <source>Commander:</source>
        <translation>Командлагч:</translation>
    </message>
    <message>
        <source>not confirmed in our sources</source>
        <translation>манай эх сурвалжид баталгаагүй</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Хүч:</translation>
    </message>
    <message>
        <source>as published</source>
        <translation>хэвлэгдсэнээр</translation>
    </message>
    <message>
        <source>shown at its last dated position (%1)</source>
        <translation>хамгийн сүүлийн огноотой байрлалд харуулав (%1)</translation>
    </message>
    <message>
        <source>at a dated position</source>
        <translation>огноотой байрлалд</translation>
    </message>
    <message>
        <source>between dated positions (last: %1); shown interpolated</source>
        <translation>огноотой байрлалуудын хооронд (сүүлийнх: %1); завсрын байрлалыг харуулав</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Байрлал:</translation>
    </message>
    <message>
        <source>Sources of this position</source>
        <translation>Энэ байрлалын эх сурвалж</translation>
    </message>
    <message>
        <source>not on the map at this instant (no dated position).</source>
        <translation>энэ мөчид газрын зураг дээр алга (огноотой байрлал байхгүй).</translation>
    </message>
</context>
<context>
    <name>Presenter</name>
    <message>
        <source>Presenter view</source>
        <translation>Илтгэгчийн дэлгэц</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>%2-оос %1-р алхам</translation>
    </message>
    <message>
        <source>Before the first step (%1 steps)</source>
        <translation>Эхний алхмаас өмнө (%1 алхам)</translation>
    </message>
    <message>
        <source>Now: %1 — %2</source>
        <translation>Одоо: %1 — %2</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Дараа нь: %1</translation>
    </message>
    <message>
        <source>Next: (end)</source>
        <translation>Дараа нь: (төгсгөл)</translation>
    </message>
    <message>
        <source>Speaker notes</source>
        <translation>Илтгэгчийн тэмдэглэл</translation>
    </message>
    <message>
        <source>(no speaker notes for this step)</source>
        <translation>(энэ алхамд тэмдэглэл алга)</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Эх сурвалж</translation>
    </message>
    <message>
        <source>Go to step %1</source>
        <translation>%1-р алхам руу</translation>
    </message>
    <message>
        <source>%1   ·   elapsed %2</source>
        <translation>%1   ·   өнгөрсөн %2</translation>
    </message>
    <message>
        <source>(paused)</source>
        <translation>(түр зогссон)</translation>
    </message>
    <message>
        <source>Go to step %1 (Enter)</source>
        <translation>%1-р алхам руу (Enter)</translation>
    </message>
    <message>
        <source>There is no step %1 (1–%2)</source>
        <translation>%1-р алхам байхгүй (1–%2)</translation>
    </message>
    <message>
        <source>Press Escape again to end the talk</source>
        <translation>Илтгэлийг дуусгахын тулд Escape-ийг дахин дарна уу</translation>
    </message>
</context>
<context>
    <name>Sides</name>
    <message>
        <source>Soviet</source>
        <translation>Зөвлөлт</translation>
    </message>
    <message>
        <source>Mongolian</source>
        <translation>Монгол</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>Япон</translation>
    </message>
    <message>
        <source>Manchukuo</source>
        <translation>Манж-Го</translation>
    </message>
</context>
<context>
    <name>Talk</name>
    <message>
        <source>Steps of the talk</source>
        <translation>Илтгэлийн алхмууд</translation>
    </message>
    <message>
        <source>Include the background chapter (1931–1939)</source>
        <translation>Түүхэн суурь бүлгийг оруулах (1931–1939)</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Дээш зөөх</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Доош зөөх</translation>
    </message>
    <message>
        <source>Default talk</source>
        <translation>Анхдагч илтгэл</translation>
    </message>
    <message>
        <source>Tick the events to show; drag them into the order of the talk.</source>
        <translation>Харуулах үйл явдлуудыг тэмдэглээд, илтгэлийн дарааллаар чирж байрлуулна уу.</translation>
    </message>
    <message>
        <source>Tick at least one event.</source>
        <translation>Дор хаяж нэг үйл явдал тэмдэглэнэ үү.</translation>
    </message>
    <message>
        <source>The talk could not be saved: %1</source>
        <translation>Илтгэлийг хадгалж чадсангүй: %1</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>infantry</source>
        <translation>явган цэрэг</translation>
    </message>
    <message>
        <source>armour</source>
        <translation>хуягт цэрэг</translation>
    </message>
    <message>
        <source>cavalry</source>
        <translation>морин цэрэг</translation>
    </message>
    <message>
        <source>motorised infantry</source>
        <translation>моторт явган цэрэг</translation>
    </message>
    <message>
        <source>artillery</source>
        <translation>их буу</translation>
    </message>
    <message>
        <source>headquarters</source>
        <translation>штаб</translation>
    </message>
    <message>
        <source>airborne</source>
        <translation>агаарын десант</translation>
    </message>
    <message>
        <source>air force</source>
        <translation>нисэх хүчин</translation>
    </message>
    <message>
        <source>army group</source>
        <translation>армийн бүлэг</translation>
    </message>
    <message>
        <source>army</source>
        <translation>арми</translation>
    </message>
    <message>
        <source>corps</source>
        <translation>корпус</translation>
    </message>
    <message>
        <source>division</source>
        <translation>дивиз</translation>
    </message>
    <message>
        <source>brigade</source>
        <translation>бригад</translation>
    </message>
    <message>
        <source>regiment</source>
        <translation>хороо</translation>
    </message>
    <message>
        <source>battalion</source>
        <translation>батальон</translation>
    </message>
    <message>
        <source>detachment</source>
        <translation>отряд</translation>
    </message>
    <message>
        <source>moving</source>
        <translation>хөдөлж байна</translation>
    </message>
    <message>
        <source>holding</source>
        <translation>байрлалаа барьж байна</translation>
    </message>
    <message>
        <source>attacking</source>
        <translation>довтолж байна</translation>
    </message>
    <message>
        <source>retreating</source>
        <translation>ухарч байна</translation>
    </message>
    <message>
        <source>destroyed</source>
        <translation>устгагдсан</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>татан гаргасан</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Who fought</source>
        <translation>Хэн тулалдсан бэ</translation>
    </message>
    <message>
        <source>From May to September 1939 the Soviet Red Army and the army of the Mongolian People&apos;s Republic fought Japan&apos;s Kwantung Army and troops of Manchukuo, the state Japan had set up in Manchuria.</source>
        <translation>1939 оны 5-р сараас 9-р сар хүртэл Зөвлөлтийн Улаан арми ба Бүгд Найрамдах Монгол Ард Улсын арми Японы Квантуны арми болон Японы Манжуурт байгуулсан Манж-Го улсын цэргийн эсрэг тулалдсан.</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Хаана</translation>
    </message>
    <message>
        <source>On the steppe along the Khalkhin Gol river, in what is eastern Mongolia today. Mongolia put the border about 16 km east of the river, through Nomonhan; Manchukuo and Japan put it on the river. The map shows that disputed ground in yellow.</source>
        <translation>Өнөөгийн Монголын зүүн хэсэгт, Халх голын дагуух талд. Монгол хилийг голоос зүүн тийш 16 км орчимд, Номонханаар дайруулан тогтоодог байсан бол Манж-Го ба Япон хилийг голоор гэж үздэг байв. Газрын зураг дээр энэ маргаантай газрыг шараар харуулав.</translation>
    </message>
    <message>
        <source>Why it mattered</source>
        <translation>Ач холбогдол</translation>
    </message>
    <message>
        <source>In late August a Soviet–Mongolian offensive under Komkor Georgy Zhukov encircled the Japanese 23rd Division and wrecked it. A ceasefire agreed in Moscow took effect on 16 September 1939, two weeks after the Second World War began in Europe, and left the line where the Soviet and Mongolian troops stood.</source>
        <translation>8-р сарын сүүлээр комкор Георгий Жуковын удирдсан Зөвлөлт-Монголын довтолгоо Японы 23-р дивизийг бүслэн бут цохив. Москвад тохиролцсон гал зогсоох хэлэлцээр Европт Дэлхийн II дайн эхэлснээс хоёр долоо хоногийн дараа, 1939 оны 9-р сарын 16-нд хүчин төгөлдөр болж, шугам Зөвлөлт, Монголын цэргийн байрлал дээр үлдсэн.</translation>
    </message>
    <message>
        <source>How to use this map</source>
        <translation>Газрын зургийг хэрхэн ашиглах вэ</translation>
    </message>
    <message>
        <source>Press Space to play, or → and ← to step from event to event; drag the timeline to go anywhere. Click a unit or a place to read about it. The map follows each event: drag or zoom to look around, and press F (Follow the story) to let it lead again. The legend explains every mark.</source>
        <translation>Тоглуулахад Space, үйл явдлаас үйл явдал руу шилжихэд → ба ← товчийг дарна; аль ч өдөр рүү очихын тулд цагийн шугамыг чирнэ. Анги эсвэл газар дээр дарж тухайн тухай уншина. Газрын зураг үйл явдал бүрийг дагана: эргэн харахын тулд чирэх эсвэл томруулж, дахин дагуулахын тулд F (Түүхийг дагах) дарна. Тайлбар нь тэмдэг бүрийг тайлбарлана.</translation>
    </message>
    <message>
        <source>Take the tour</source>
        <translation>Аялалд гарах</translation>
    </message>
    <message>
        <source>Explore on my own</source>
        <translation>Өөрөө судлах</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>Disputed ground</source>
        <translation>Маргаантай газар</translation>
    </message>
    <message>
        <source>Border claims</source>
        <translation>Талуудын заасан хил</translation>
    </message>
    <message>
        <source>Modern border</source>
        <translation>Өнөөгийн хил</translation>
    </message>
    <message>
        <source>Fronts and ground held</source>
        <translation>Фронт ба эзэмшсэн газар</translation>
    </message>
    <message>
        <source>Manoeuvres (arrows)</source>
        <translation>Маневр (сумнууд)</translation>
    </message>
    <message>
        <source>Uncertainty of positions</source>
        <translation>Байрлалын тодорхойгүй байдал</translation>
    </message>
    <message>
        <source>Trails</source>
        <translation>Хөдөлгөөний мөр</translation>
    </message>
    <message>
        <source>Regional inset</source>
        <translation>Бүс нутгийн жижиг зураг</translation>
    </message>
    <message>
        <source>Introduction and guided tour</source>
        <translation>Танилцуулга ба хөтөчтэй аялал</translation>
    </message>
    <message>
        <source>1 hour/s</source>
        <translation>1 цаг/с</translation>
    </message>
    <message>
        <source>6 hours/s</source>
        <translation>6 цаг/с</translation>
    </message>
    <message>
        <source>1 day/s</source>
        <translation>1 өдөр/с</translation>
    </message>
    <message>
        <source>1 week/s</source>
        <translation>7 хоног/с</translation>
    </message>
    <message>
        <source>Picture (PNG, 3840×2160)…</source>
        <translation>Зураг (PNG, 3840×2160)…</translation>
    </message>
    <message>
        <source>Vector picture (SVG)…</source>
        <translation>Вектор зураг (SVG)…</translation>
    </message>
    <message>
        <source>Handout (PDF, A4)…</source>
        <translation>Гарын авлага (PDF, A4)…</translation>
    </message>
    <message>
        <source>Slides (PowerPoint, one per step)…</source>
        <translation>Слайд (PowerPoint, алхам бүрт нэг)…</translation>
    </message>
    <message>
        <source>Video of the next 10 days (MP4)…</source>
        <translation>Дараагийн 10 хоногийн видео (MP4)…</translation>
    </message>
    <message>
        <source>Animated GIF of the next 3 days…</source>
        <translation>Дараагийн 3 хоногийн хөдөлгөөнт GIF…</translation>
    </message>
    <message>
        <source>Layers, export, keyboard shortcuts, about</source>
        <translation>Давхарга, экспорт, товчлол, тухай</translation>
    </message>
    <message>
        <source>Widen the timeline to the background and aftermath</source>
        <translation>Цагийн шугамыг өмнөх ба дараах үе хүртэл өргөтгөх</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Бүтнээр</translation>
    </message>
    <message>
        <source>Follow the story</source>
        <translation>Түүхийг дагах</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Цэс</translation>
    </message>
    <message>
        <source>A name changes only where a source gives the other side&apos;s form.</source>
        <translation>Эх сурвалжид нөгөө талын нэршил байгаа тохиолдолд л нэр солигдоно.</translation>
    </message>
    <message>
        <source>Chapters…</source>
        <translation>Бүлгүүд…</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Давхарга</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>About, sources and licences</source>
        <translation>Программын тухай, эх сурвалж, лиценз</translation>
    </message>
    <message>
        <source>Press Space to play, or → to step to the first event.</source>
        <translation>Тоглуулахын тулд Зай товч, эхний үйл явдал руу шилжихийн тулд → товч дарна уу.</translation>
    </message>
    <message>
        <source>An export is still running; wait for it or cancel it first.</source>
        <translation>Экспорт үргэлжилж байна; дуустал хүлээх эсвэл эхлээд цуцлана уу.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспортлож байна…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Цуцлах</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Экспорт цуцлагдлаа; юу ч бичээгүй.</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Хадгалсан: %1</translation>
    </message>
    <message>
        <source>Export failed; nothing was written: %1</source>
        <translation>Экспорт амжилтгүй; юу ч бичээгүй: %1</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Товчлуурын товчлол</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Тухай</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Тайлбар</translation>
    </message>
    <message>
        <source>The tour steps through the story on its own; press any key or click to stop it.</source>
        <translation>Аялал түүхийг өөрөө алхам алхмаар үзүүлнэ; зогсоохын тулд аль нэг товч эсвэл хулганаа дарна уу.</translation>
    </message>
</context>
</TS>
